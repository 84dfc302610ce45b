#!/usr/bin/env node
import { formatFrameworkCoverage } from '../lib/checks/framework/coverage-table';

// How much of the pinned framework the packs can evaluate, and the open backlog. Reads data only; no synth.
process.stdout.write(formatFrameworkCoverage());
