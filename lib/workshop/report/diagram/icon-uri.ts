import * as fs from 'node:fs';
import * as path from 'node:path';
import { resourceKind } from './resource-catalog';

/**
 * AWS Architecture Icons (the official set, from the MIT-licensed `aws-icons` package), inlined as
 * data URIs so the report needs no file or network at view time.
 */
const FALLBACK = 'architecture-group/AWSCloud.svg';
const ICON_ROOT = path.join(path.dirname(require.resolve('aws-icons/package.json')), 'icons');
const cache = new Map<string, string>();

/** The icon file of a resource type (relative to the package's `icons/`), or the AWS Cloud icon for types without one. */
export function iconFile(type: string): string {
  return resourceKind(type)?.icon ?? FALLBACK;
}

/** Whether an icon file exists in the installed icon set. */
export function iconExists(file: string): boolean {
  return fs.existsSync(path.join(ICON_ROOT, file));
}

/** The icon of a resource type as a `data:` URI. */
export function iconUri(type: string): string {
  const file = iconFile(type);
  let uri = cache.get(file);
  if (!uri) {
    uri = `data:image/svg+xml;base64,${fs.readFileSync(path.join(ICON_ROOT, file)).toString('base64')}`;
    cache.set(file, uri);
  }
  return uri;
}
