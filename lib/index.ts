/**
 * The Well-Architected checks as a library for any CDK app:
 *
 *   const app = new App();
 *   addWellArchitectedChecks(app);            // AWS Solutions + WellArchitected packs, scorecards at synth
 *   new MyStack(app, 'MyStack');
 *   app.synth();                               // writes cdk.out/MyStack.scorecard.json
 */
export { acknowledge } from './checks/acknowledge';
export type { Acknowledgement } from './checks/acknowledge';
export { addWellArchitectedChecks, labelScorecard, scorecardsOf } from './checks/add-checks';
export type { WellArchitectedCheckOptions } from './checks/add-checks';
export type { StrictMode } from './checks/pack-report';
export { allBestPractices, FRAMEWORK_VERSION } from './checks/framework/best-practices';
export type { BestPractice } from './checks/framework/best-practices';
export { PILLARS } from './checks/framework/pillars';
export type { Pillar } from './checks/framework/pillars';
export { allRuleMappings } from './checks/framework/rule-mapping';
export type { RuleBestPractice, RuleMapping } from './checks/framework/rule-mapping';
export { Ledger } from './checks/ledger';
export type { Evaluation, Outcome } from './checks/ledger';
export { RecordedAwsSolutionsChecks } from './checks/packs/aws-solutions';
export { PackRecorder } from './checks/packs/recording';
export type { RecordingOptions } from './checks/packs/recording';
export { WELL_ARCHITECTED_RULES, WellArchitectedChecks } from './checks/packs/well-architected';
export { scoreStack } from './checks/scorecard';
export type { BestPracticeOutcome, BestPracticeResult, EvidenceItem, PillarCoverage, PillarScore, Scorecard, ScorecardLabels } from './checks/scorecard';
export { formatScorecardTable } from './checks/scorecard-table';
