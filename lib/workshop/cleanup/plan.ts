import { CleanupCloud, TaggedResource } from './cloud';
import { CASE_STUDY_TAG, classifyArn, RETAINED_KINDS, RetainedResource } from './retained';

/** A case-study stack the cleanup looks after: its study (the tag's value) and its CloudFormation name. */
export interface CleanupStudy {
  readonly study: string;
  readonly stackName: string;
}

/** What the cleanup found in one region. */
export interface CleanupPlan {
  readonly region: string;
  /** Each study's stack and whether it is deployed: a deployed stack's own resources are never touched. */
  readonly stacks: readonly (CleanupStudy & { readonly deployed: boolean })[];
  /** Leftovers to delete, in deletion order. */
  readonly resources: readonly RetainedResource[];
  /** Tagged resources no deployed stack owns, of a type the cleanup does not delete: listed, never touched. */
  readonly unrecognized: readonly TaggedResource[];
}

/** The API Gateway logging role's trust: the only role a stage retains. */
const LOGGING_ROLE_SERVICE = 'apigateway.amazonaws.com';

/** The last segment of an ARN or URL: a queue URL's queue name, a role ARN's role name. */
const lastSegment = (id: string) => id.slice(Math.max(id.lastIndexOf('/'), id.lastIndexOf(':')) + 1);

/**
 * Finds what `cdk destroy` (or a stage that retires a part) left behind for the studies' stacks:
 *
 * - resources tagged `wa:case-study` that no deployed stack of the study owns (a resource retained
 *   when a stage retired its part stays tagged while the stack lives on);
 * - manual snapshots of RDS and DocumentDB tagged so, or, since a final snapshot does not always
 *   carry its database's tags, taken from a cluster or instance whose generated identifier starts
 *   with the stack's name (`videoplatform-...`, `iotplatform-...`);
 * - when a study's stack is not deployed: log groups named after it that no template declares
 *   (Lambda's `/aws/lambda/<Stack>-...`, the databases' exported logs), and its API Gateway logging
 *   role, the one role a stage retains (IAM is global and CloudFormation does not tag roles with their
 *   stack, so the lookup goes by name prefix, the case-study tag and the role's trust in API Gateway).
 */
export async function planCleanup(cloud: CleanupCloud, studies: readonly CleanupStudy[]): Promise<CleanupPlan> {
  const owned = new Set<string>();
  const stacks: (CleanupStudy & { deployed: boolean })[] = [];
  for (const s of studies) {
    const ids = await cloud.stackResources(s.stackName);
    stacks.push({ ...s, deployed: ids !== undefined });
    for (const id of ids ?? []) owned.add(id).add(lastSegment(id));
  }
  const isOwned = (r: { name: string; arn: string }) => owned.has(r.arn) || owned.has(r.name) || owned.has(lastSegment(r.arn));

  const found = new Map<string, RetainedResource>();
  const add = (r: RetainedResource) => {
    if (!found.has(r.arn) && !isOwned(r)) found.set(r.arn, r);
  };
  const unrecognized: TaggedResource[] = [];
  const studyNames = studies.map((s) => s.study);

  const deployed = (study: string) => stacks.some((s) => s.study === study && s.deployed);
  for (const tagged of await cloud.taggedResources(CASE_STUDY_TAG, studyNames)) {
    const what = classifyArn(tagged.arn);
    const study = tagged.tags[CASE_STUDY_TAG];
    // IAM is global: a tagged role may belong to the same stack deployed in another region, so roles
    // are only looked up below, by name, for a stack that is not deployed, and only the one a stage retains.
    if (what?.kind === 'iamRole') continue;
    if (what) {
      add({ ...what, arn: tagged.arn, study, foundBy: 'tag' });
    } else if (!deployed(study) && !/:rds:[^:]*:[^:]*:(cluster-)?snapshot:/.test(tagged.arn)) {
      // While a stack is deployed, the instances and volumes its fleets launch carry its tags too.
      unrecognized.push(tagged);
    }
  }

  for (const snapshot of await cloud.snapshots()) {
    const byTag = studyNames.includes(snapshot.tags[CASE_STUDY_TAG]) ? snapshot.tags[CASE_STUDY_TAG] : undefined;
    const byName = studies.find((s) => snapshot.source.toLowerCase().startsWith(`${s.stackName.toLowerCase()}-`))?.study;
    const study = byTag ?? byName;
    if (study) {
      add({
        kind: snapshot.kind,
        name: snapshot.id,
        arn: snapshot.arn,
        study,
        foundBy: byTag ? 'tag' : 'name',
        note: `final snapshot of ${snapshot.source}: the last copy of its data`,
      });
    }
  }

  for (const s of stacks.filter((x) => !x.deployed)) {
    const lower = s.stackName.toLowerCase();
    for (const prefix of [`/aws/lambda/${s.stackName}-`, `/aws/rds/cluster/${lower}-`, `/aws/rds/instance/${lower}-`, `/aws/docdb/${lower}-`]) {
      for (const group of await cloud.logGroups(prefix)) {
        // A tagged log group was found above under its ARN (without the `:*` this one may carry).
        if (![...found.values()].some((r) => r.kind === 'logGroup' && r.name === group.name)) {
          add({ kind: 'logGroup', name: group.name, arn: group.arn, study: s.study, foundBy: 'name', note: 'created by the service, not declared in the template' });
        }
      }
    }
    for (const role of await cloud.rolesNamed(`${s.stackName}-`)) {
      if (role.tags[CASE_STUDY_TAG] === s.study && role.trustedServices.includes(LOGGING_ROLE_SERVICE)) {
        add({ kind: 'iamRole', name: role.name, arn: role.arn, study: s.study, foundBy: 'tag', note: roleNote(s.study, studies) });
      }
    }
  }

  const order = (r: RetainedResource) => RETAINED_KINDS.indexOf(r.kind);
  const resources = [...found.values()].sort((a, b) => order(a) - order(b) || a.study.localeCompare(b.study) || a.name.localeCompare(b.name));
  return { region: cloud.region, stacks, resources, unrecognized };
}

function roleNote(study: string, studies: readonly CleanupStudy[]): string {
  const stack = studies.find((s) => s.study === study)?.stackName ?? study;
  return `IAM is global: keep it if ${stack} is deployed in another region; API Gateway's account setting in this region still names it`;
}
