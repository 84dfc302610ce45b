import { LiveEvent, validateLiveEvents } from '../../lib/constructs/live-event-prescaling';

const now = new Date('2027-01-01T00:00:00Z');
const event: LiveEvent = { name: 'finals', startsAt: '2027-03-14T19:00:00Z', durationMinutes: 120, videoInstances: 8, chatInstances: 3 };

describe('validateLiveEvents', () => {
  test('accepts a future event', () => {
    expect(() => validateLiveEvents([event], now)).not.toThrow();
  });

  test.each<[string, Partial<LiveEvent>, RegExp]>([
    ['a name with spaces', { name: 'the finals' }, /name must be/],
    ['a start without a time zone', { startsAt: '2027-03-14T19:00:00' }, /time zone/],
    ['a start that is not a date', { startsAt: 'tomorrow' }, /ISO 8601/],
    ['an event in the past', { startsAt: '2026-12-31T19:00:00Z' }, /is over/],
    ['zero video instances', { videoInstances: 0 }, /videoInstances must be a positive integer/],
    ['a fractional duration', { durationMinutes: 1.5 }, /durationMinutes/],
  ])('rejects %s with a clear message', (_, change, message) => {
    expect(() => validateLiveEvents([{ ...event, ...change }], now)).toThrow(message);
  });
});
