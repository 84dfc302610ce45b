/**
 * The collector's PostgreSQL table `readings`, partitioned by UTC day, and the statements that keep
 * its day partitions: shared by the collector (which creates the table and the partitions it writes
 * to) and the archive export job (which creates the coming days ahead and moves whole past days out).
 *
 * A day partition is `readings_YYYYMMDD`, covering [day 00:00 UTC, next day 00:00 UTC). There is no
 * DEFAULT partition on purpose: it would make every new partition scan it, and it forbids
 * DETACH ... CONCURRENTLY, which is how the export takes a day out without blocking writers.
 */

/** What the statements need from a connection or pool. */
export interface Queryable {
  query<R extends object = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[]; rowCount?: number | null }>;
}

export const READINGS_TABLE = 'readings';

/**
 * The table, created if missing. Its primary key includes `ts`, the partition key, as PostgreSQL
 * requires of a unique index on a partitioned table; the export finds a day's rows by partition,
 * so no separate `ts` index is kept.
 */
export const CREATE_PARTITIONED_READINGS_SQL = `CREATE TABLE IF NOT EXISTS ${READINGS_TABLE} (
  device_id text NOT NULL,
  ts timestamptz NOT NULL,
  metric text NOT NULL,
  value double precision NOT NULL,
  PRIMARY KEY (device_id, ts, metric)
) PARTITION BY RANGE (ts)`;

/** `p` partitioned, `r` a plain table (created before partitioning: see the export's migration), or absent. */
export type ReadingsKind = 'partitioned' | 'plain' | 'absent';

export async function readingsKind(db: Queryable): Promise<ReadingsKind> {
  const { rows } = await db.query<{ kind: string | null }>(
    `SELECT (SELECT relkind::text FROM pg_class WHERE oid = to_regclass($1)) AS kind`,
    [READINGS_TABLE],
  );
  const kind = rows[0]?.kind;
  return kind === 'p' ? 'partitioned' : kind === 'r' ? 'plain' : 'absent';
}

/** `2026-01-01` → `readings_20260101` */
export function partitionName(day: string): string {
  checkDay(day);
  return `${READINGS_TABLE}_${day.replace(/-/g, '')}`;
}

/** `readings_20260101` → `2026-01-01`; undefined for any other name. */
export function dayOfPartition(name: string): string | undefined {
  const match = /^readings_(\d{4})(\d{2})(\d{2})$/.exec(name);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

/** The UTC day of a moment, `YYYY-MM-DD`: the partition it belongs to. */
export function utcDay(ts: Date): string {
  return ts.toISOString().slice(0, 10);
}

/** The day after `day`, `YYYY-MM-DD`. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** `count` consecutive days starting `offsetDays` from the UTC day of `now`. */
export function daysAround(now: Date, offsetDays: number, count: number): string[] {
  const first = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + offsetDays * 86_400_000;
  return Array.from({ length: count }, (_, i) => new Date(first + i * 86_400_000).toISOString().slice(0, 10));
}

/**
 * How long partition DDL waits for its lock before giving up: creating a partition takes a lock on
 * `readings` that a running DETACH ... CONCURRENTLY also takes, and writers must not queue behind it.
 */
export const PARTITION_LOCK_TIMEOUT = '5s';

/**
 * Makes sure a partition exists for each day: created empty and then attached, because ATTACH takes a
 * lock on `readings` that does not block reads or writes (CREATE TABLE ... PARTITION OF would).
 * Serialized by an advisory lock, in one multi-statement query (one implicit transaction, so a pool
 * may run it). A table of the partition's name that is not a partition is an error: the export has
 * it in hand. Days are checked strictly before they reach the SQL text.
 */
export async function ensureDayPartitions(db: Queryable, days: Iterable<string>): Promise<void> {
  const wanted = [...new Set(days)].sort();
  if (wanted.length === 0) return;
  const blocks = wanted.map((day) => {
    const name = partitionName(day);
    return `DO $$
BEGIN
  IF to_regclass('${name}') IS NULL THEN
    CREATE TABLE ${name} (LIKE ${READINGS_TABLE} INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
    ALTER TABLE ${READINGS_TABLE} ATTACH PARTITION ${name} FOR VALUES FROM ('${day} 00:00:00+00') TO ('${nextDay(day)} 00:00:00+00');
  ELSIF NOT EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = to_regclass('${name}') AND inhparent = to_regclass('${READINGS_TABLE}')) THEN
    RAISE EXCEPTION '${name} exists but is not a partition of ${READINGS_TABLE}' USING ERRCODE = '55000';
  END IF;
END $$;`;
  });
  await db.query(
    [`SET LOCAL lock_timeout = '${PARTITION_LOCK_TIMEOUT}'`, `SELECT pg_advisory_xact_lock(hashtext('telemetry:readings-partitions'))`, ...blocks].join(';\n'),
  );
}

/** An attached day partition of `readings`. */
export interface DayPartition {
  readonly name: string;
  readonly day: string;
  /** A DETACH ... CONCURRENTLY that was interrupted leaves the partition pending until finalized. */
  readonly detachPending: boolean;
}

/** Every partition of `readings` with a day name, oldest day first. */
export async function dayPartitions(db: Queryable): Promise<DayPartition[]> {
  const { rows } = await db.query<{ name: string; pending: boolean }>(
    `SELECT c.relname AS name, i.inhdetachpending AS pending
       FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = to_regclass($1)`,
    [READINGS_TABLE],
  );
  return rows
    .flatMap((r) => {
      const day = dayOfPartition(r.name);
      return day ? [{ name: r.name, day, detachPending: r.pending }] : [];
    })
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

/** Whether a partition with this name is attached (detach pending included). */
export async function isAttached(db: Queryable, table: string): Promise<{ attached: boolean; detachPending: boolean }> {
  const { rows } = await db.query<{ pending: boolean }>(
    `SELECT i.inhdetachpending AS pending FROM pg_inherits i WHERE i.inhrelid = to_regclass($1) AND i.inhparent = to_regclass($2)`,
    [table, READINGS_TABLE],
  );
  return rows.length > 0 ? { attached: true, detachPending: rows[0].pending } : { attached: false, detachPending: false };
}

/** SQLSTATE of an insert whose row falls in no partition. */
export const NO_PARTITION_FOR_ROW = '23514';

/** Whether an error is PostgreSQL's "no partition of relation readings found for row". */
export function isMissingPartition(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === NO_PARTITION_FOR_ROW && typeof message === 'string' && message.startsWith('no partition of relation');
}

function checkDay(day: string): void {
  const start = Date.parse(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(start) || new Date(start).toISOString().slice(0, 10) !== day) {
    throw new Error(`Invalid day '${day}'`);
  }
}
