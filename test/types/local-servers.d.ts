// Just enough of the two in-process AWS emulators (dynalite, s3rver) for the tests; neither ships types.

declare module 'dynalite' {
  import type { Server } from 'node:http';

  interface DynaliteOptions {
    /** How long a new table stays CREATING; 0 makes it ACTIVE at once. */
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
  }

  /** An unstarted HTTP server speaking the DynamoDB API, storing in memory. */
  function dynalite(options?: DynaliteOptions): Server;
  export = dynalite;
}

declare module 's3rver' {
  import type { AddressInfo } from 'node:net';

  interface S3rverOptions {
    port?: number;
    address?: string;
    silent?: boolean;
    /** Where buckets and objects are kept on disk. */
    directory: string;
  }

  /** An S3 API emulator; accepts requests signed with access key S3RVER, secret S3RVER. */
  class S3rver {
    constructor(options: S3rverOptions);
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
  }
  export = S3rver;
}
