/**
 * Thrown by a store when its database cannot be reached or is overloaded (not for bad
 * queries); the HTTP server answers 503 with Retry-After.
 */
export class StorageUnavailableError extends Error {
  constructor(cause: unknown) {
    super('storage is unavailable', { cause });
    this.name = 'StorageUnavailableError';
  }
}
