/** The part of dynalite (an in-process DynamoDB) the tests use; the package ships no types. */
declare module 'dynalite' {
  import type { Server } from 'node:http';

  interface DynaliteOptions {
    /** Milliseconds a CreateTable takes to become ACTIVE. */
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
    /** Folder for a persistent store; in memory when unset. */
    path?: string;
  }

  function dynalite(options?: DynaliteOptions): Server;
  export = dynalite;
}
