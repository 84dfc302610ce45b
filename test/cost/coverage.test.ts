import usEast1 from '../../lib/cost/prices/us-east-1.json';
import { FREE_TYPES } from '../../lib/cost/free-types';
import { LOAD_PROFILES, resourceUsage } from '../../lib/cost/load-profile';
import { PRICE_BOOKS } from '../../lib/cost/price-book';
import { PRICERS } from '../../lib/cost/pricers';
import { everyStageEstimate, PricedStageRow } from './stage-estimates';

let rows: PricedStageRow[];
beforeAll(() => {
  rows = everyStageEstimate();
}, 120_000);

describe('every resource type of every stage, both studies, both deployments, has a row', () => {
  test('priced by a pricer or free by the free list, never neither', () => {
    const missing = new Set<string>();
    for (const { snapshot } of rows) {
      for (const r of Object.values(snapshot.template.Resources ?? {})) {
        if (!PRICERS[r.Type] && !FREE_TYPES.has(r.Type)) missing.add(r.Type);
      }
    }
    expect([...missing]).toEqual([]);
  });

  test('no type is both priced and listed free', () => {
    expect(Object.keys(PRICERS).filter((t) => FREE_TYPES.has(t))).toEqual([]);
  });

  test('no resource of any stage is left unpriced, and every free one says why', () => {
    const unpriced = rows.flatMap((r) => r.estimate.unpriced.map((u) => `${r.study} ${r.stage} ${r.load}: ${u.logicalId} ${u.reason}`));
    expect(unpriced).toEqual([]);
    for (const { estimate } of rows) for (const f of estimate.free) expect(f.reason.length).toBeGreaterThan(10);
  });

  test('every resource lands in exactly one place: lines, free or unpriced', () => {
    for (const { snapshot, estimate } of rows) {
      const ids = Object.keys(snapshot.template.Resources ?? {});
      const accounted = new Set([...estimate.lines.map((l) => l.logicalId), ...estimate.free.map((f) => f.logicalId), ...estimate.unpriced.map((u) => u.logicalId)]);
      expect(ids.filter((id) => !accounted.has(id))).toEqual([]);
      expect(estimate.free.filter((f) => estimate.lines.some((l) => l.logicalId === f.logicalId))).toEqual([]);
    }
  });

  test('the total is the sum of the lines, and every line names its price row', () => {
    const keys = new Set(usEast1.prices.map((p) => p.key));
    for (const { estimate } of rows) {
      expect(estimate.total).toBeCloseTo(estimate.lines.reduce((s, l) => s + l.amount, 0), 6);
      for (const l of estimate.lines) {
        expect(keys.has(l.priceKey)).toBe(true);
        expect(l.amount).toBeGreaterThanOrEqual(0);
        expect(l.basis).toMatch(/^(template|load profile|a rotation)/);
      }
    }
  });
});

describe('the load profiles name what the stages have', () => {
  test.each(Object.keys(LOAD_PROFILES))('every logical ID of the %s profile is a resource of some stage, and its figures resolve', (name) => {
    const profile = LOAD_PROFILES[name];
    for (const [study, load] of Object.entries(profile.studies)) {
      const ids = new Set(rows.filter((r) => r.study === study && r.load === name).flatMap((r) => Object.keys(r.snapshot.template.Resources ?? {})));
      const named = [...Object.keys(load.resources ?? {}), ...Object.values(load.stages ?? {}).flatMap((s) => Object.keys(s.resources))];
      expect(named.filter((id) => !ids.has(id))).toEqual([]);
      for (const id of named) {
        for (const stage of [undefined, 1, 2, 3, 4, 5]) {
          for (const q of Object.values(resourceUsage(load, id, stage).quantities)) expect(Number.isFinite(q) && q >= 0).toBe(true);
        }
      }
    }
  });

  test('the workshop load is the idle floor: no traffic, only scheduled jobs', () => {
    const workshop = LOAD_PROFILES.workshop;
    const quantities = Object.values(workshop.studies).flatMap((s) => Object.values(s.resources ?? {}).flatMap((r) => Object.keys(r).filter((k) => k !== 'why')));
    expect(new Set(quantities)).toEqual(new Set(['taskHours']));
  });
});

describe('prices are data, pinned', () => {
  test.each(Object.keys(PRICE_BOOKS))('every row of %s names its AWS pricing page, the date read and a note', (region) => {
    const book = PRICE_BOOKS[region];
    expect(book.region).toBe(region);
    const keys = new Set<string>();
    for (const row of book.prices) {
      expect(keys.has(row.key)).toBe(false);
      keys.add(row.key);
      expect(row.source).toMatch(/^https:\/\/aws\.amazon\.com\/[a-z0-9/-]+\/pricing\//);
      expect(row.read).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(row.note.length).toBeGreaterThan(10);
      expect(row.usd ?? row.tiers?.[0].usd).toBeGreaterThan(0);
    }
  });
});
