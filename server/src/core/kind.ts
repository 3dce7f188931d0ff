import picomatch from 'picomatch';
import { get, isMap, isSeq, str, type Node, type Pair } from './document/nodes';
import type { TemplateDocument } from './document/model';

import { KINDS, type Kind } from './kindNames';

export { KINDS, type Kind };

export interface KindOptions {
  /** Path or URI of the file; only its base name and path are matched. */
  fileName?: string;
  /** Glob patterns per kind (setting `awsNotes.kinds`); a match decides before content. */
  globs?: Partial<Record<Kind, string[]>>;
}

const OVERRIDE = /^\s*(?:#|\/\/)\s*aws-notes:\s*(cfn|cloudformation|sam|appspec|buildspec|off|none)\b/i;
export const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

/**
 * Which of our kinds a document is, or null when it is not ours (compose files, Kubernetes
 * manifests, workflows, package.json, ...: those must get no diagnostics at all).
 * Order: a first-lines comment `# aws-notes: cfn`, then the user's globs, then content, then file name.
 */
export function detectKind(doc: TemplateDocument, opts: KindOptions = {}): Kind | null {
  const o = overrideFromText(doc.text);
  if (o !== undefined) return o;
  const name = (opts.fileName ?? doc.uri).replace(/^file:\/\//, '');
  if (opts.globs) {
    for (const k of KINDS) {
      const pats = opts.globs[k];
      if (pats?.length && picomatch(pats, { dot: true, basename: !pats.some((p) => p.includes('/')) })(safeDecode(name))) return k;
    }
  }
  if (isAmplifyBuildSpec(doc.root)) return null;
  return kindFromContent(doc.root) ?? kindFromName(name, doc.root);
}

/** Amplify's build spec (often named buildspec.yml): `version` with `frontend`/`backend`/`applications`, phases inside them. */
function isAmplifyBuildSpec(root: Node | null): boolean {
  return isMap(root) && get(root, 'version') !== undefined && get(root, 'phases') === undefined && ['frontend', 'backend', 'applications'].some((k) => get(root, k) !== undefined);
}

/** A CLI path may hold a `%` that is not an escape (`100%.yaml`): then it is used as it is. */
function safeDecode(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

function overrideFromText(text: string): Kind | null | undefined {
  const head = text.slice(0, 2000).split(/\r?\n/, 5);
  for (const line of head) {
    const m = OVERRIDE.exec(line);
    if (m) {
      const v = m[1].toLowerCase();
      if (v === 'off' || v === 'none') return null;
      return v === 'cloudformation' ? 'cfn' : (v as Kind);
    }
  }
  return undefined;
}

export function isSamTemplate(root: Node | null): boolean {
  const t = get(root, 'Transform');
  const names = isSeq(t) ? t.items.map(str) : [str(t)];
  if (names.includes(SAM_TRANSFORM)) return true;
  const res = get(root, 'Resources');
  if (isMap(res)) {
    for (const p of res.pairs) if (isServerless(p)) return true;
  }
  return false;
}

/** Per entry object: an entry the incremental parse kept reads the same (each keystroke asks for every entry). */
const serverless = new WeakMap<Pair, boolean>();

function isServerless(p: Pair): boolean {
  let s = serverless.get(p);
  if (s === undefined) serverless.set(p, (s = !!str(get(p.value, 'Type'))?.startsWith('AWS::Serverless::')));
  return s;
}

/**
 * An AppSpec deployment target: an ECS service with `LoadBalancerInfo` (CloudFormation's has
 * `LoadBalancers`) or a Lambda alias shift (`CurrentVersion`/`TargetVersion`), or in a list.
 */
function isDeploymentTarget(n: Node): boolean {
  const type = str(get(n, 'Type'));
  const props = get(n, 'Properties');
  if (type === 'AWS::ECS::Service') return get(props, 'LoadBalancerInfo') !== undefined;
  if (type === 'AWS::Lambda::Function') return get(props, 'CurrentVersion') !== undefined || get(props, 'TargetVersion') !== undefined;
  return false;
}

function kindFromContent(root: Node | null): Kind | null {
  if (!isMap(root)) return null;
  const has = (k: string) => root.pairs.some((p) => p.key.value === k);
  const version = get(root, 'version');
  if (version !== undefined) {
    // AWS Device Farm test specs also have version + phases, with their own phase names.
    if (has('android_test_host') || has('ios_test_host') || isMap(get(get(root, 'phases'), 'test'))) return null;
    if (has('phases') || has('batch') || (has('artifacts') && has('env'))) return 'buildspec';
    // ECS/Lambda AppSpecs: the service reads keys in any case (`resources:` appears in AWS's own examples).
    const resources = get(root, 'Resources') ?? get(root, 'resources');
    if (has('os') || has('hooks') || has('files') || isSeq(resources) || has('Hooks')) return 'appspec';
    // `Resources:` written as a mapping (the list dash forgotten): the target still says AppSpec.
    if (!has('AWSTemplateFormatVersion') && isMap(resources) && resources.pairs.some((p) => isDeploymentTarget(p.value))) return 'appspec';
  }
  // An ECS or Lambda AppSpec without `version`: CloudFormation's Resources is never a list.
  const list = get(root, 'Resources') ?? get(root, 'resources');
  if (isSeq(list) && list.items.some((i) => isMap(i) && i.pairs.some((p) => isDeploymentTarget(p.value)))) return 'appspec';
  if (isSamTemplate(root)) return 'sam';
  if (has('AWSTemplateFormatVersion')) return 'cfn';
  const res = get(root, 'Resources');
  if (isMap(res) && res.pairs.length > 0) {
    const typed = res.pairs.some((p) => {
      const t = str(get(p.value, 'Type'));
      if (t && /^[A-Za-z0-9]+::/.test(t)) return true;
      // `Type:AWS::EC2::Instance` with no space is one scalar; still clearly a template.
      return /^Type:\s*\S+::/.test(str(p.value) ?? '');
    });
    if (typed) return 'cfn';
  }
  return null;
}

function kindFromName(name: string, root: Node | null): Kind | null {
  const base = name.split(/[\\/]/).pop()!.toLowerCase();
  const empty = root === null || isMap(root);
  if (!empty) return null;
  if (/^appspec\.(ya?ml|json)$/.test(base)) return 'appspec';
  if (/^buildspec[\w.-]*\.ya?ml$/.test(base)) return 'buildspec';
  return null;
}
