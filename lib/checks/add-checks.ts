import * as fs from 'node:fs';
import * as path from 'node:path';
import { IPolicyValidationContext, Stack, Stage, Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { Ledger } from './ledger';
import { StrictMode } from './pack-report';
import { RecordedAwsSolutionsChecks } from './packs/aws-solutions';
import { WellArchitectedChecks } from './packs/well-architected';
import { Scorecard, ScorecardLabels, scoreStack } from './scorecard';
import { formatScorecardTable } from './scorecard-table';
import { assertSameCdk, assertSupportedCdk } from './supported-cdk';
import { staleAcknowledgements } from './stale-acknowledgements';

/** Options of {@link addWellArchitectedChecks}; each falls back to the App's context, then its default. */
export interface WellArchitectedCheckOptions {
  /**
   * Fail synth on any unacknowledged error-level finding (`true`), for a team adopting a final
   * architecture, or on any unacknowledged finding at all (`'warnings'`).
   * @default - context `strict` (`-c strict=true` or `-c strict=warnings`), else false: every finding is a warning
   */
  readonly strict?: StrictMode;
  /**
   * Run the packs and write the scorecards at all.
   * @default - context `checks` (`-c checks=false` turns them off), else true
   */
  readonly checks?: boolean;
  /**
   * Print the scorecard table on stderr once synth has checked the App.
   * @default - when the App runs under the cdk CLI
   */
  readonly printSummary?: boolean;
}

const scorecards = new WeakMap<IConstruct, Scorecard[]>();
const labels = new WeakMap<Stack, ScorecardLabels>();

/** Reads a true/false context value; anything else stops synth with a one-line error. */
function booleanContext(scope: IConstruct, key: string): boolean | undefined {
  const value = scope.node.tryGetContext(key);
  if (value === undefined) return undefined;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new Error(`Context '${key}' must be true or false, got: ${String(value)}`);
}

/** Reads context `strict`: true, false or `warnings`; anything else stops synth with a one-line error. */
function strictContext(scope: IConstruct): StrictMode {
  const value = scope.node.tryGetContext('strict');
  if (value === 'warnings') return 'warnings';
  try {
    return booleanContext(scope, 'strict') ?? false;
  } catch {
    throw new Error(`Context 'strict' must be true, false or warnings, got: ${String(value)}`);
  }
}

/** Names a stack's scorecard after the case study and stage it deploys (the rules never see this). */
export function labelScorecard(stack: Stack, stackLabels: ScorecardLabels): void {
  labels.set(stack, stackLabels);
}

/** The scorecards the last synth of this App wrote, one per stack; empty before synth or with checks off. */
export function scorecardsOf(app: IConstruct): readonly Scorecard[] {
  return scorecards.get(app) ?? [];
}

/**
 * Each template with its stack's construct path. aws-cdk-lib before 2.262.0 passes the template paths
 * only (no `stackTemplates`); each stack's template is then found where its stage writes it.
 */
function stackTemplatesOf(app: IConstruct, context: IPolicyValidationContext): { stackConstructPath: string; templatePath: string }[] {
  const stackTemplates = (context as Partial<IPolicyValidationContext>).stackTemplates;
  if (stackTemplates) return stackTemplates;
  const stackPaths = new Map(
    app.node.findAll().filter(Stack.isStack).map((s) => [path.resolve(Stage.of(s)?.outdir ?? '', s.templateFile), s.node.path]),
  );
  return context.templatePaths.map((templatePath) => ({ stackConstructPath: stackPaths.get(path.resolve(templatePath)) ?? '', templatePath }));
}

/** Computes and writes `<stack>.scorecard.json` next to each template of the assembly. */
function writeScorecards(app: IConstruct, ledger: Ledger, context: IPolicyValidationContext, print: boolean, packNames: readonly string[]): void {
  const stacks = new Map(app.node.findAll().filter(Stack.isStack).map((s) => [s.node.path, s]));
  const stackTemplates = stackTemplatesOf(app, context);
  const cards = stackTemplates.map(({ stackConstructPath, templatePath }) => {
    const stack = stacks.get(stackConstructPath);
    const evaluations = ledger.evaluations.filter((e) => e.stackPath === stackConstructPath);
    const name = path.basename(templatePath).replace(/\.template\.json$/, '');
    const stale = stack ? staleAcknowledgements(stack, evaluations, packNames) : [];
    const card = scoreStack(stack?.stackName ?? name, evaluations, stack ? labels.get(stack) : undefined, stale);
    fs.writeFileSync(path.join(path.dirname(templatePath), `${name}.scorecard.json`), `${JSON.stringify(card, null, 2)}\n`);
    return card;
  });
  scorecards.set(app, cards);
  if (print && cards.length > 0) {
    const where = path.relative(process.cwd(), path.dirname(stackTemplates[0].templatePath)) || '.';
    // After CDK has printed its validation report, so the table is the last thing synth shows.
    process.once('exit', () => process.stderr.write(`\n${formatScorecardTable(cards)}\n(scorecards: ${where}/<stack>.scorecard.json)\n`));
  }
}

/**
 * Registers the Well-Architected checks on an App: cdk-nag's AWS Solutions pack and this project's
 * Well-Architected pack, both as validation plugins that record every result, tag each finding with
 * its pillars and best practices, and report findings as warnings unless strict. Synth then writes
 * `<StackName>.scorecard.json` for every stack into the cloud assembly.
 */
export function addWellArchitectedChecks(app: Stage, options: WellArchitectedCheckOptions = {}): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  assertSupportedCdk((require('aws-cdk-lib/package.json') as { version: string }).version);
  assertSameCdk(app);
  const checks = options.checks ?? booleanContext(app, 'checks') ?? true;
  const strict = options.strict ?? strictContext(app);
  if (!checks) return;
  const print = options.printSummary ?? process.env.CDK_OUTDIR !== undefined;
  const ledger = new Ledger();
  const awsSolutions = new RecordedAwsSolutionsChecks(app, { ledger, strict });
  const wellArchitected: WellArchitectedChecks = new WellArchitectedChecks(app, {
    ledger,
    strict,
    onValidated: (context) => writeScorecards(app, ledger, context, print, [awsSolutions.name, wellArchitected.name]),
  });
  Validations.of(app).addPlugins(awsSolutions, wellArchitected);
}
