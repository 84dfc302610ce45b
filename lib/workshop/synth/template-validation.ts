import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, CfnResource, CloudFormationValidatePlugin, Validations } from 'aws-cdk-lib';

/**
 * One CloudFormation template validation plugin for every App of this process: the same plugin
 * `cdk synth` adds by default (default rules, no options), registered explicitly so its engine can be
 * started once. The engine costs seconds to start and starts again whenever a template holds a
 * resource type it has not seen; priming it with every type the Apps hold makes that once per process.
 */
export class SharedTemplateValidation {
  private readonly plugin = new CloudFormationValidatePlugin();
  private primedTypes = new Set<string>();

  /** Registers the plugin on an App in place of the default one (unless CDK_VALIDATION=false turns validation off, as it does for the default). */
  public register(app: App): void {
    if (process.env.CDK_VALIDATION === 'false') return;
    Validations.of(app).addPlugins(this.plugin);
  }

  /**
   * Starts the engine for every resource type of these Apps (built, not yet synthesized), by validating
   * a throwaway template that holds one bare resource of each type. Its findings are discarded.
   */
  public prime(apps: readonly App[]): void {
    if (process.env.CDK_VALIDATION === 'false') return;
    const types = new Set<string>(this.primedTypes);
    for (const app of apps) for (const c of app.node.findAll()) if (CfnResource.isCfnResource(c)) types.add(c.cfnResourceType);
    if ([...types].every((t) => this.primedTypes.has(t))) return;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-validation-'));
    try {
      const templatePath = path.join(dir, 'Prime.template.json');
      const resources = Object.fromEntries([...types].map((type, i) => [`R${i}`, { Type: type }]));
      fs.writeFileSync(templatePath, JSON.stringify({ Resources: resources }));
      this.plugin.validate({
        templatePaths: [templatePath],
        stackTemplates: [{ stackConstructPath: 'Prime', templatePath, accountId: undefined, region: undefined }],
        appConstruct: apps[0],
      });
      this.primedTypes = types;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}
