#!/usr/bin/env node
'use strict';
// `npx wa-stages ...`. Runs the compiled CLI (dist/, built by `npm run build` and on `npm ci`), which
// starts in a fraction of a second and needs no dev tools, so it also runs from an installed package.
// In a checkout whose TypeScript sources changed since the last build, the compiled CLI would show
// the stages as they were: it runs the sources through tsx instead.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const compiled = path.join(root, 'dist', 'bin', 'wa-stages.js');
const SOURCE_DIRS = ['bin', 'lib', 'stages'];

/** Runtime code is bundled from its sources at synth, never compiled into dist. */
const NOT_COMPILED = path.join(root, 'lib', 'runtime');

/** The newest modification time of the sources the CLI is compiled from, TypeScript and JSON data (0 when none ship). */
function newestSource() {
  let newest = 0;
  const visit = (dir) => {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (full !== NOT_COMPILED) visit(full);
      } else if ((entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) || entry.name.endsWith('.json')) {
        newest = Math.max(newest, fs.statSync(full).mtimeMs);
      }
    }
  };
  for (const dir of SOURCE_DIRS) visit(path.join(root, dir));
  return newest;
}

function builtAt() {
  try {
    return fs.statSync(compiled).mtimeMs;
  } catch {
    return -1;
  }
}

const built = builtAt();
if (built >= 0 && built >= newestSource()) {
  require(compiled);
} else {
  let tsx;
  try {
    tsx = require.resolve('tsx/cjs');
  } catch {
    const why = built < 0 ? 'is not built' : 'is older than its sources';
    console.error(`wa-stages: the compiled CLI (dist/) ${why} and tsx is not installed; run 'npm run build'.`);
    process.exit(1);
  }
  require(tsx);
  require(path.join(root, 'bin', 'wa-stages.ts'));
}
