/**
 * The DocumentDB client, rebuilt from a freshly read secret when the cluster rejects its
 * credentials: Secrets Manager rotates the password every 30 days, and a MongoClient keeps
 * the password it was built with.
 */
import type { Logger } from '../shared/json-logger';
import type { DocDbCredentials } from './docdb-secret';
import type { ClientSource, DocumentDbHandles } from './documentdb-store';

export interface RefreshingClientOptions {
  /** Reads the secret (from Secrets Manager when deployed). */
  readCredentials(): Promise<DocDbCredentials>;
  /** Builds a client for `credentials` without connecting. */
  open(credentials: DocDbCredentials): DocumentDbHandles;
  logger: Logger;
  /** Least time between two re-reads of the secret; defaults to MIN_REFRESH_INTERVAL_MS. */
  minRefreshIntervalMs?: number;
  /** How long a replaced client may finish its operations before it is closed; defaults to RETIRED_CLIENT_GRACE_MS. */
  retiredClientGraceMs?: number;
  /** Clock in milliseconds; defaults to Date.now. */
  now?: () => number;
}

/** While the password stays wrong (a rotation half done, a bad secret), every request would otherwise re-read the secret. */
export const MIN_REFRESH_INTERVAL_MS = 30_000;

/** A replaced client may still run operations on connections it authenticated before the rotation. */
export const RETIRED_CLIENT_GRACE_MS = 10_000;

export class RefreshingClient implements ClientSource {
  private handles: DocumentDbHandles;
  private lastRefreshAt: number | undefined;
  private pending: Promise<boolean> | undefined;
  private readonly retiring = new Map<DocumentDbHandles, NodeJS.Timeout>();
  private closed = false;

  private constructor(
    private readonly options: RefreshingClientOptions,
    private credentials: DocDbCredentials,
  ) {
    this.handles = options.open(credentials);
  }

  /** Reads the secret and builds the first client; rejects when the secret cannot be read. */
  static async open(options: RefreshingClientOptions): Promise<RefreshingClient> {
    return new RefreshingClient(options, await options.readCredentials());
  }

  get current(): DocumentDbHandles {
    return this.handles;
  }

  /**
   * Re-reads the secret and swaps in a client built from it. Callers whose client was
   * already replaced retry at once; concurrent callers share one re-read; a re-read within
   * `minRefreshIntervalMs` of the last one does not happen (resolves false).
   */
  refresh(rejected: DocumentDbHandles): Promise<boolean> {
    if (rejected !== this.handles) return Promise.resolve(true);
    if (this.pending) return this.pending;
    const now = (this.options.now ?? Date.now)();
    const minIntervalMs = this.options.minRefreshIntervalMs ?? MIN_REFRESH_INTERVAL_MS;
    if (this.lastRefreshAt !== undefined && now - this.lastRefreshAt < minIntervalMs) return Promise.resolve(false);
    this.lastRefreshAt = now;
    this.pending = this.replace().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  async close(): Promise<void> {
    this.closed = true;
    const retired = [...this.retiring].map(([handles, timer]) => {
      clearTimeout(timer);
      return handles.connection.close();
    });
    this.retiring.clear();
    await Promise.all([...retired, this.handles.connection.close()]);
  }

  private async replace(): Promise<boolean> {
    const { logger } = this.options;
    try {
      const credentials = await this.options.readCredentials();
      // A client built now would never be closed.
      if (this.closed) return false;
      if (sameCredentials(credentials, this.credentials)) {
        // Single-user rotation changes the password in the database a few seconds before
        // the secret: the next re-read will find the new one.
        logger.warn('storage.credentials_unchanged', { retryInSeconds: (this.options.minRefreshIntervalMs ?? MIN_REFRESH_INTERVAL_MS) / 1000 });
        return false;
      }
      const replaced = this.handles;
      this.handles = this.options.open(credentials);
      this.credentials = credentials;
      this.retire(replaced);
      logger.info('storage.credentials_refreshed');
      return true;
    } catch (error) {
      logger.error('storage.credentials_refresh_failed', error);
      return false;
    }
  }

  private retire(handles: DocumentDbHandles): void {
    const timer = setTimeout(() => {
      this.retiring.delete(handles);
      handles.connection.close().catch((error: unknown) => this.options.logger.error('storage.retired_client_close_failed', error));
    }, this.options.retiredClientGraceMs ?? RETIRED_CLIENT_GRACE_MS);
    timer.unref();
    this.retiring.set(handles, timer);
  }
}

function sameCredentials(a: DocDbCredentials, b: DocDbCredentials): boolean {
  return a.username === b.username && a.password === b.password && a.host === b.host && a.port === b.port;
}
