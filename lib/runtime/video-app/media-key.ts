/**
 * Validation of media object keys, shared by the catalog (keys clients register) and
 * the asset routes (keys in URLs), so neither can name a file outside the media root.
 */

export const MAX_MEDIA_KEY_LENGTH = 1024;

/** Why `key` is not an acceptable media key, or undefined when it is. */
export function mediaKeyProblem(key: string): string | undefined {
  if (key.length === 0) return 'key must not be empty';
  if (key.length > MAX_MEDIA_KEY_LENGTH) return `key must be at most ${MAX_MEDIA_KEY_LENGTH} characters`;
  if (key.startsWith('/')) return 'key must not start with "/"';
  if (key.includes('\\')) return 'key must not contain "\\"';
  // Control characters include NUL, which file APIs reject and S3 keys should not carry.
  if (/[\u0000-\u001f\u007f]/.test(key)) return 'key must not contain control characters';
  if (key.split('/').some((segment) => segment === '..' || segment === '.' || segment === '')) {
    return 'key must not contain ".", ".." or empty path segments';
  }
  return undefined;
}

/** The key as a URL path: each segment percent-encoded, slashes kept. */
export function keyToUrlPath(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}
