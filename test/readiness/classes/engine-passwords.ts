import { CfnTemplate } from '../../../lib/evolution/data-safety';
import { referencedIds, resourcesOf } from './template-resources';

/**
 * What each database engine refuses in a master password, from its API reference (quoted in
 * docs/deploy-readiness.md): RDS CreateDBInstance ("Can include any printable ASCII character except
 * "/", """, or "@". For RDS for Oracle, can't include the "&" (ampersand) or the "'" (single quotes)
 * character"; Oracle 8-30 characters), RDS CreateDBCluster for Aurora (8-41, not `/ " @`), DocumentDB
 * (8-100, not `/ " @`). Space is printable ASCII but breaks every connection string, so all exclude it.
 */
export const ENGINE_PASSWORD_RULES: Record<string, { readonly forbidden: string; readonly maxLength: number }> = {
  oracle: { forbidden: '/"@&\' ', maxLength: 30 },
  'aurora-postgresql': { forbidden: '/"@ ', maxLength: 41 },
  docdb: { forbidden: '/"@ ', maxLength: 100 },
};

const DATABASE_TYPES = ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'AWS::DocDB::DBCluster'];

/** The engine family of a database resource: `oracle-se2-cdb` is `oracle`. */
function engineOf(type: string, properties: any): string {
  if (type === 'AWS::DocDB::DBCluster') return 'docdb';
  const engine = String(properties?.Engine ?? '');
  return engine.startsWith('oracle') ? 'oracle' : engine;
}

/**
 * Every password the template has Secrets Manager generate (a secret's `GenerateSecretString`, and
 * a rotation application's `excludeCharacters`, which generates every later one), checked against
 * the engine of the database whose master password it is. Returns one line per problem; a generated
 * secret that no database of a known engine uses is a problem too (add its engine above).
 */
export function enginePasswordProblems(template: CfnTemplate): string[] {
  const problems: string[] = [];
  const engineOfSecret = new Map<string, string>();
  for (const type of DATABASE_TYPES) {
    for (const [, db] of resourcesOf(template, type)) {
      for (const id of referencedIds(db.Properties?.MasterUserPassword)) engineOfSecret.set(id, engineOf(type, db.Properties));
    }
  }
  const check = (what: string, secretId: string, excluded: string, length: number | undefined): void => {
    const engine = engineOfSecret.get(secretId);
    const rules = engine === undefined ? undefined : ENGINE_PASSWORD_RULES[engine];
    if (rules === undefined) {
      problems.push(`${what}: generates a password for no database engine this check knows (${engine ?? 'none'})`);
      return;
    }
    const allowed = [...rules.forbidden].filter((c) => !excluded.includes(c));
    if (allowed.length > 0) problems.push(`${what}: ${engine} refuses ${JSON.stringify(allowed.join(''))}, which the generator may produce`);
    if (length !== undefined && length > rules.maxLength) problems.push(`${what}: ${length} characters, ${engine} takes at most ${rules.maxLength}`);
  };
  for (const [id, secret] of resourcesOf(template, 'AWS::SecretsManager::Secret')) {
    const generate = secret.Properties?.GenerateSecretString;
    if (!generate) continue;
    const excluded = `${generate.ExcludeCharacters ?? ''}${generate.ExcludePunctuation ? '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~' : ''}${generate.IncludeSpace ? '' : ' '}`;
    check(`secret ${id}`, id, excluded, generate.PasswordLength ?? 32);
  }
  const rotatedSecret = new Map<string, string>();
  for (const [, schedule] of resourcesOf(template, 'AWS::SecretsManager::RotationSchedule')) {
    // A schedule names the secret directly or through its target attachment.
    let [secretId] = referencedIds(schedule.Properties?.SecretId);
    const attachment = secretId === undefined ? undefined : template.Resources?.[secretId];
    if (attachment?.Type === 'AWS::SecretsManager::SecretTargetAttachment') [secretId] = referencedIds((attachment as any).Properties?.SecretId);
    for (const fn of referencedIds(schedule.Properties?.RotationLambdaARN)) if (secretId) rotatedSecret.set(fn, secretId);
  }
  for (const [id, app] of resourcesOf(template, 'AWS::Serverless::Application')) {
    const parameters = app.Properties?.Parameters;
    if (parameters?.excludeCharacters === undefined) continue;
    // The rotation application's function is named by the schedule's Lambda ARN, which points at the application's output.
    const secretId = rotatedSecret.get(id);
    if (secretId === undefined) problems.push(`rotation ${id}: rotates no secret this check can find`);
    else check(`rotation ${id}`, secretId, `${parameters.excludeCharacters} `, undefined);
  }
  return problems;
}
