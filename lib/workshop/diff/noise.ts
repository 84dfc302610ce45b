/** Keys that hold tags, in any resource type's shape. */
const TAG_KEYS = new Set(['Tags', 'tags', 'TagSpecifications', 'TagList', 'PropagateTags']);
/** Whether a property or key holds tags. */
export function isTagKey(name: string): boolean {
  return TAG_KEYS.has(name);
}

/** A CDK asset hash (64 hex digits), as it appears in S3 keys, image tags and asset metadata. */
const ASSET_HASH = /[0-9a-f]{64}/g;

function strip(value: unknown, dropTags: boolean, maskHashes: boolean): unknown {
  if (typeof value === 'string') return maskHashes ? value.replace(ASSET_HASH, '<asset>') : value;
  if (Array.isArray(value)) return value.map((v) => strip(v, dropTags, maskHashes));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => !(dropTags && TAG_KEYS.has(key)))
        .filter(([key]) => !(maskHashes && key.startsWith('aws:asset:')))
        .map(([key, v]) => [key, strip(v, dropTags, maskHashes)]),
    );
  }
  return value;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Why a changed value is noise, if it is: `tags` when only tags differ, `assets` when only asset
 * hashes (a rebuilt bundle) differ, `tags+assets` for both. Undefined for a real change. Tags are
 * folded generically, by key, never by a tag name.
 */
export function noiseKind(before: unknown, after: unknown): 'tags' | 'assets' | 'tags+assets' | undefined {
  if (same(before, after)) return undefined;
  if (same(strip(before, true, false), strip(after, true, false))) return 'tags';
  if (same(strip(before, false, true), strip(after, false, true))) return 'assets';
  if (same(strip(before, true, true), strip(after, true, true))) return 'tags+assets';
  return undefined;
}
