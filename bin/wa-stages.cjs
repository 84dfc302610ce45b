#!/usr/bin/env node
'use strict';
// `npx wa-stages ...`: the CLI is TypeScript like the rest of bin/, run through tsx without a build step.
require('tsx/cjs');
require('./wa-stages.ts');
