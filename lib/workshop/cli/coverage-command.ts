import { formatFrameworkCoverage } from '../../checks/framework/coverage-table';
import type { Command } from './commands';

/** `wa-stages coverage`: the same table as `npm run coverage`, for installs without the repository's scripts. */
export const coverage: Command = {
  name: 'coverage',
  summary: 'which best practices a template can show, which the packs evaluate, and the open backlog',
  usage: '',
  help: 'Prints, per pillar, how many best practices of the pinned framework a template can show\n(template, partial) or only a review can (review), how many of those have a rule, and the\nbacklog of practices a template can show that no rule evaluates yet. Reads data only.\n\nExample: wa-stages coverage',
  switches: [],
  options: [],
  maxPositionals: 0,
  run(_args, io) {
    io.stdout(formatFrameworkCoverage());
  },
};
