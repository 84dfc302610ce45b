#!/usr/bin/env node
import { runCli } from '../lib/workshop/cli/main';

// aws-cdk-lib's own scaleOnMetric passes a deprecated prop and would warn on every synth.
process.env.JSII_DEPRECATED ??= 'quiet';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
