/**
 * What an IoT topic rule hands its action for one message, for the SQL forms this project's rules use:
 * `SELECT *[, topic(n) AS name][, timestamp() AS name] FROM '<topic filter>'`. Any other SQL throws,
 * so a changed rule is noticed here rather than silently emulated wrong.
 */
const SQL = /^SELECT \*((?:, [a-z]+\([0-9]*\) AS [A-Za-z]+)*) FROM '([^']+)'$/;

/** The event the rule's action receives, or undefined when the topic does not match the rule's filter. */
export function ruleEvent(sql: string, topic: string, payload: Buffer, receivedAt: number): Record<string, unknown> | undefined {
  const parsed = SQL.exec(sql.trim());
  if (!parsed) throw new Error(`Topic rule SQL not emulated: ${sql}`);
  const [, projections, filter] = parsed;
  if (!topicMatches(filter, topic)) return undefined;
  const event = JSON.parse(payload.toString('utf8')) as Record<string, unknown>;
  for (const [, fn, arg, name] of projections.matchAll(/, ([a-z]+)\(([0-9]*)\) AS ([A-Za-z]+)/g)) {
    if (fn === 'topic') event[name] = arg === '' ? topic : topic.split('/')[Number(arg) - 1];
    else if (fn === 'timestamp') event[name] = receivedAt;
    else throw new Error(`Topic rule function ${fn}() not emulated`);
  }
  return event;
}

/** MQTT topic filter matching: `+` is one level, `#` the rest. */
export function topicMatches(filter: string, topic: string): boolean {
  const f = filter.split('/');
  const t = topic.split('/');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return true;
    if (i >= t.length || (f[i] !== '+' && f[i] !== t[i])) return false;
  }
  return f.length === t.length;
}
