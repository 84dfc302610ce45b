#!/usr/bin/env node
import { makeApp } from '../lib/app/make-app';
import { addPlatforms, studyNamedAlone } from '../lib/app/platforms';

// aws-cdk-lib's own scaleOnMetric passes a deprecated prop and would warn on every synth.
process.env.JSII_DEPRECATED ??= 'quiet';

try {
  const app = makeApp();
  // Only the study whose stage the command names, when it names one: strict mode then checks that stack.
  addPlatforms(app, { only: studyNamedAlone(app) });
  app.synth();
} catch (error) {
  // A bad stage or context value: one line that says what is valid, and no half-written assembly.
  console.error((error as Error).message);
  process.exit(1);
}
