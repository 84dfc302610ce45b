#!/usr/bin/env node
import { contextHelp, contextTableMarkdown } from '../lib/app/context-table';

/** Prints the context keys (from lib/app/context-table.ts); `--markdown` prints the README's table. */
console.log(process.argv.includes('--markdown') ? contextTableMarkdown() : contextHelp());
