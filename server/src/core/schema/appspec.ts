/**
 * CodeDeploy AppSpec files as data, in our own words: every key with what it means and what its
 * value must look like, for the three compute platforms (EC2/on-premises, ECS, Lambda), plus the
 * lifecycle events in the order CodeDeploy actually runs them. Rules, hovers and completion read
 * these tables; nothing here looks at a document except `appspecPlatform`.
 */
import { get, isMap, isSeq, keyText, str, type Node } from '../document/nodes';
import { keyInfoOf, specAt, type KeyInfo, type SpecNode } from './specTree';

export type AppspecPlatform = 'server' | 'ecs' | 'lambda';

export const PLATFORM_LABEL: Record<AppspecPlatform, string> = {
  server: 'EC2/on-premises',
  ecs: 'Amazon ECS',
  lambda: 'AWS Lambda',
};

// ---------------------------------------------------------------------------------------------
// Lifecycle events

export interface LifecycleEvent {
  /** When it happens and what it is good for. */
  doc: string;
  /** Reserved events are run by CodeDeploy itself; no script or function can be attached. */
  reserved?: boolean;
  /** EC2/on-premises traffic hooks run only when the deployment group has a load balancer. */
  needsLoadBalancer?: boolean;
  /** Scriptable events to suggest instead of a reserved one. */
  instead?: string[];
}

/** EC2/on-premises events, scriptable and reserved. */
export const SERVER_EVENTS: Record<string, LifecycleEvent> = {
  Start: { doc: 'The deployment begins. CodeDeploy runs this step itself.', reserved: true, instead: ['ApplicationStop', 'BeforeInstall'] },
  ApplicationStop: {
    doc: 'Stop the running application before the new revision arrives. The scripts run from the revision that was deployed last (its AppSpec file and files), so this hook does nothing on the very first deployment to an instance, and a broken stop script needs a redeploy with "ignore ApplicationStop failures".',
  },
  DownloadBundle: { doc: 'The agent copies the revision to a temporary folder on the instance. CodeDeploy runs this step itself.', reserved: true, instead: ['BeforeInstall'] },
  BeforeInstall: { doc: 'Runs before the files are copied into place: back up the current version, decrypt files, install packages the new version needs.' },
  Install: { doc: "The agent copies the revision's files to their destinations, as the `files` section says. CodeDeploy runs this step itself.", reserved: true, instead: ['BeforeInstall', 'AfterInstall'] },
  AfterInstall: { doc: 'Runs after the files are in place: configure the application, change file permissions, run migrations.' },
  ApplicationStart: { doc: 'Start (or restart) the services that ApplicationStop stopped.' },
  ValidateService: { doc: 'Check that the new version works (e.g. call a health endpoint); a failing script fails the deployment on this instance.' },
  BeforeBlockTraffic: { doc: 'Runs on an instance before it is taken out of its load balancer.', needsLoadBalancer: true },
  BlockTraffic: { doc: 'CodeDeploy deregisters the instance from its load balancer. CodeDeploy runs this step itself.', reserved: true, instead: ['BeforeBlockTraffic', 'AfterBlockTraffic'] },
  AfterBlockTraffic: { doc: 'Runs on an instance after it stopped receiving load balancer traffic.', needsLoadBalancer: true },
  BeforeAllowTraffic: { doc: 'Runs on an instance before it is registered with its load balancer again.', needsLoadBalancer: true },
  AllowTraffic: { doc: 'CodeDeploy registers the instance with its load balancer. CodeDeploy runs this step itself.', reserved: true, instead: ['BeforeAllowTraffic', 'AfterAllowTraffic'] },
  AfterAllowTraffic: { doc: 'Runs on an instance after it receives load balancer traffic again.', needsLoadBalancer: true },
  End: { doc: 'The deployment finishes. CodeDeploy runs this step itself.', reserved: true, instead: ['ValidateService'] },
};

/** ECS events: hooks are Lambda functions that validate the new task set. */
export const ECS_EVENTS: Record<string, LifecycleEvent> = {
  Start: { doc: 'The deployment begins. CodeDeploy runs this step itself.', reserved: true, instead: ['BeforeInstall'] },
  BeforeInstall: { doc: 'Runs before the replacement task set is created; the original task set still takes all traffic. A failure here cannot roll back anything yet.' },
  Install: { doc: 'CodeDeploy creates the replacement task set. CodeDeploy runs this step itself.', reserved: true, instead: ['BeforeInstall', 'AfterInstall'] },
  AfterInstall: { doc: 'Runs once the replacement task set exists and one target group points at it; a failure rolls the deployment back.' },
  AllowTestTraffic: { doc: 'The test listener starts sending traffic to the replacement task set. CodeDeploy runs this step itself.', reserved: true, instead: ['AfterAllowTestTraffic'] },
  AfterAllowTestTraffic: { doc: 'Runs after the test listener serves the replacement task set: the place for tests against the new version before real users see it.' },
  BeforeAllowTraffic: { doc: 'Runs after the second target group is attached to the replacement task set, just before production traffic moves.' },
  AllowTraffic: { doc: 'Production traffic shifts to the replacement task set. CodeDeploy runs this step itself.', reserved: true, instead: ['BeforeAllowTraffic', 'AfterAllowTraffic'] },
  AfterAllowTraffic: { doc: 'Runs after production traffic reaches the replacement task set; a failure still rolls back.' },
  End: { doc: 'The deployment finishes. CodeDeploy runs this step itself.', reserved: true, instead: ['AfterAllowTraffic'] },
};

/** Lambda events: hooks are Lambda functions around the traffic shift to the new version. */
export const LAMBDA_EVENTS: Record<string, LifecycleEvent> = {
  Start: { doc: 'The deployment begins. CodeDeploy runs this step itself.', reserved: true, instead: ['BeforeAllowTraffic'] },
  BeforeAllowTraffic: { doc: 'Runs before any traffic moves to the target version: smoke-test the new version here.' },
  AllowTraffic: { doc: "The alias's traffic shifts to the target version (all at once, canary or linear). CodeDeploy runs this step itself.", reserved: true, instead: ['BeforeAllowTraffic', 'AfterAllowTraffic'] },
  AfterAllowTraffic: { doc: 'Runs after all traffic points at the target version: check the result; a failure rolls the alias back.' },
  End: { doc: 'The deployment finishes. CodeDeploy runs this step itself.', reserved: true, instead: ['AfterAllowTraffic'] },
};

export const EVENTS: Record<AppspecPlatform, Record<string, LifecycleEvent>> = { server: SERVER_EVENTS, ecs: ECS_EVENTS, lambda: LAMBDA_EVENTS };

/** Names that can carry a hook on a platform (not reserved). */
export function scriptableHooks(platform: AppspecPlatform): string[] {
  return Object.entries(EVENTS[platform]).filter(([, e]) => !e.reserved).map(([n]) => n);
}

/** Event names CodeDeploy reserves for itself on any platform. */
export const RESERVED_EVENTS = [...new Set(Object.values(EVENTS).flatMap((t) => Object.entries(t).filter(([, e]) => e.reserved).map(([n]) => n)))];

/**
 * The order events really run in (the order in the file does not matter). For EC2/on-premises
 * in-place deployments the traffic events happen only with a load balancer; blue/green runs the
 * install events on the replacement instances, then blocks traffic on the original ones.
 */
export const RUN_ORDER = {
  inPlace: ['Start', 'BeforeBlockTraffic', 'BlockTraffic', 'AfterBlockTraffic', 'ApplicationStop', 'DownloadBundle', 'BeforeInstall', 'Install', 'AfterInstall', 'ApplicationStart', 'ValidateService', 'BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic', 'End'],
  blueGreen: ['Start', 'ApplicationStop', 'DownloadBundle', 'BeforeInstall', 'Install', 'AfterInstall', 'ApplicationStart', 'ValidateService', 'BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic', 'BeforeBlockTraffic', 'BlockTraffic', 'AfterBlockTraffic', 'End'],
  ecs: ['Start', 'BeforeInstall', 'Install', 'AfterInstall', 'AllowTestTraffic', 'AfterAllowTestTraffic', 'BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic', 'End'],
  lambda: ['Start', 'BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic', 'End'],
} as const;

export type DeploymentStyle = keyof typeof RUN_ORDER;

const STYLE_LABEL: Record<DeploymentStyle, string> = {
  inPlace: 'an in-place deployment',
  blueGreen: 'a blue/green deployment',
  ecs: 'an ECS blue/green deployment',
  lambda: 'a Lambda deployment',
};

export interface HookPosition {
  style: DeploymentStyle;
  /** 1-based position among the hooks you can attach scripts or functions to. */
  position: number;
  total: number;
  /** Every event of that deployment style in order, reserved ones included. */
  sequence: readonly string[];
}

/** Where a hook runs in each deployment style of its platform; empty for unknown or reserved names. */
export function hookPositions(platform: AppspecPlatform, hook: string): HookPosition[] {
  const styles: DeploymentStyle[] = platform === 'server' ? ['inPlace', 'blueGreen'] : [platform];
  const events = EVENTS[platform];
  const out: HookPosition[] = [];
  for (const style of styles) {
    const sequence: readonly string[] = RUN_ORDER[style];
    const hooks = sequence.filter((e) => !events[e]?.reserved);
    const i = hooks.indexOf(hook);
    if (i >= 0) out.push({ style, position: i + 1, total: hooks.length, sequence });
  }
  return out;
}

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${s}`;
}

/**
 * One line for hovers and inlay hints, e.g. "runs 5th of 9 in an in-place deployment; 3rd of 9 in a
 * blue/green deployment (replacement instances)". Undefined for names that are not hooks there.
 */
export function hookOrder(platform: AppspecPlatform, hook: string): string | undefined {
  const ev = EVENTS[platform][hook];
  if (!ev) return undefined;
  if (ev.reserved) return `reserved: CodeDeploy runs this step itself; no ${platform === 'server' ? 'script' : 'function'} can be attached`;
  const parts = hookPositions(platform, hook).map((p) => {
    let where = `${ordinal(p.position)} of ${p.total} in ${STYLE_LABEL[p.style]}`;
    if (p.style === 'blueGreen') where += SERVER_BLUE_GREEN_ORIGINAL.includes(hook) ? ' (original instances)' : ' (replacement instances)';
    return where;
  });
  if (!parts.length) return undefined;
  let line = `runs ${parts.join('; ')}`;
  if (ev.needsLoadBalancer) line += '; in-place deployments run it only when the deployment group has a load balancer';
  return line;
}

/** In blue/green EC2 deployments these run on the instances being replaced, not the new ones. */
const SERVER_BLUE_GREEN_ORIGINAL = ['BeforeBlockTraffic', 'AfterBlockTraffic'];

// ---------------------------------------------------------------------------------------------
// Key tables

const VERSION: SpecNode = {
  doc: 'AppSpec format version. The only version there is: `0.0`. Required.',
  type: 'scalar',
  allowed: ['0.0'],
  ownTypeRule: true,
};

const SCRIPT: SpecNode = {
  doc: 'One script to run for this lifecycle event. Scripts of an event run one after the other, in the order listed.',
  type: 'map',
  ownTypeRule: true,
  keys: {
    location: { doc: 'Path of the script inside the revision bundle, relative to its root (where appspec.yml is). Required.', type: 'string', ownTypeRule: true },
    timeout: { doc: 'Seconds the script may run before it counts as failed (default 3600). All scripts of one event together may take at most 3600 seconds.', type: 'scalar', ownTypeRule: true },
    runas: { doc: 'User to run the script as (Amazon Linux, Ubuntu Server and RHEL only; ignored on Windows). The user must not need a password; default is the user the agent runs as.', type: 'string' },
    sudo: { doc: 'Read by older agents; not documented. Use `runas` instead.', type: 'bool', hidden: true },
  },
};

/** Reserved events stay in the table so hovers can explain them, hidden from completion. */
function serverHookSpec(ev: LifecycleEvent): SpecNode {
  return { doc: ev.doc, type: 'list', ownTypeRule: true, items: SCRIPT, ...(ev.reserved ? { hidden: true } : {}) };
}

const SERVER_SPEC: SpecNode = {
  doc: 'AppSpec file for an EC2/on-premises deployment.',
  type: 'map',
  required: ['version', 'os'],
  keys: {
    version: VERSION,
    os: {
      doc: 'Operating system of the instances: `linux` (Amazon Linux, Ubuntu Server, RHEL) or `windows` (Windows Server). Required; it must match the instances, or the agent refuses the revision.',
      type: 'string',
      allowed: ['linux', 'windows'],
    },
    files: {
      doc: 'What the Install step copies from the revision to the instance: a list of `source`/`destination` pairs. Leave it out when the revision only runs scripts.',
      type: 'list',
      items: {
        doc: 'One copy instruction.',
        type: 'map',
        required: ['source', 'destination'],
        keys: {
          source: { doc: 'File or folder in the revision, relative to the bundle root. A folder copies everything in it; `/` (or `\\` on Windows) copies the whole revision.', type: 'string' },
          destination: { doc: 'Absolute path on the instance to copy to, e.g. `/var/www/html` or `C:\\inetpub\\wwwroot`.', type: 'string' },
        },
      },
    },
    file_exists_behavior: {
      doc: 'What to do with a file that already exists at a destination but was not put there by the last successful deployment: `DISALLOW` fails the deployment (default), `OVERWRITE` replaces it, `RETAIN` keeps the existing file. Applies to every entry of `files`, and overrides the option given when the deployment is created.',
      type: 'string',
      allowed: ['DISALLOW', 'OVERWRITE', 'RETAIN'],
    },
    permissions: {
      doc: 'Owner, group, mode, ACLs and SELinux labels to set on copied files and folders after Install. Linux instances only: the agent refuses a revision with permissions on Windows.',
      type: 'list',
      items: {
        doc: 'One permission instruction.',
        type: 'map',
        required: ['object'],
        keys: {
          object: { doc: 'File or folder on the instance (after the copy) the permissions apply to. Required.', type: 'string' },
          pattern: { doc: 'Glob selecting which entries under `object` get the permissions; `**` or no pattern means all of them.', type: 'string' },
          except: { doc: 'List of patterns to leave out of `pattern`.', type: 'list', items: { doc: 'A pattern to exclude.', type: 'string' } },
          owner: { doc: 'User name to own the matching entries; left unchanged when not given.', type: 'string' },
          group: { doc: 'Group to own the matching entries; left unchanged when not given.', type: 'string' },
          mode: { doc: 'Octal permission bits as with chmod: three digits (`644`) or four with setuid/setgid/sticky (`4755`). Write it without a leading zero or in quotes: the agent reads an unquoted `0755` as an octal number and gets different digits.', type: 'scalar', ownTypeRule: true },
          acls: { doc: 'List of ACL entries as setfacl writes them, e.g. `u:bob:rw`. They replace existing ACLs. Entries for unnamed users or groups are not allowed (use `mode`).', type: 'list', items: { doc: 'One ACL entry.', type: 'string' } },
          context: {
            doc: 'SELinux context to apply on SELinux-enabled instances.',
            type: 'map',
            keys: {
              user: { doc: 'SELinux user.', type: 'string' },
              type: { doc: 'SELinux type name.', type: 'string' },
              range: { doc: 'SELinux range; only matters with MLS/MCS enabled (default `s0`).', type: 'string' },
            },
          },
          type: {
            doc: 'Which kinds of entries under `object` get the permissions: `file` (files directly inside), `directory` (folders at any depth), or both when not given. `object` itself is not changed.',
            type: 'list',
            items: { doc: 'An object type.', type: 'string', allowed: ['file', 'directory'] },
          },
        },
      },
    },
    hooks: {
      doc: 'Scripts to run at lifecycle events. Each event maps to a list of scripts. The order in this file does not matter: CodeDeploy runs the events in its own fixed order.',
      type: 'map',
      ownKeyRule: true,
      ownTypeRule: true,
      keys: Object.fromEntries(Object.entries(SERVER_EVENTS).map(([n, ev]) => [n, serverHookSpec(ev)])),
    },
  },
};

function functionHookSpec(ev: LifecycleEvent): SpecNode {
  return { doc: `${ev.doc} The value is the name of the Lambda function to call; it must report success or failure back to CodeDeploy within an hour.`, type: 'string', ...(ev.reserved ? { hidden: true } : {}) };
}

function functionHooks(events: Record<string, LifecycleEvent>): SpecNode {
  return {
    doc: 'Lambda functions that check the deployment at lifecycle events: a list of one-key mappings, each an event name and a function name. CodeDeploy calls each at its fixed point in the deployment, whatever the order here.',
    type: 'list',
    ownTypeRule: true,
    items: {
      doc: 'One hook: `EventName: FunctionName`.',
      type: 'map',
      ownKeyRule: true,
      ownTypeRule: true,
      keys: Object.fromEntries(Object.entries(events).map(([n, ev]) => [n, functionHookSpec(ev)])),
    },
  };
}

const ECS_PROPERTIES: SpecNode = {
  doc: 'The task set to deploy and how traffic reaches it.',
  type: 'map',
  anyCase: true,
  required: ['TaskDefinition', 'LoadBalancerInfo'],
  keys: {
    TaskDefinition: { doc: 'ARN of the task definition the replacement task set runs (pipelines often write a placeholder such as `<TASK_DEFINITION>` that the deploy action fills in). Required.', type: 'string' },
    LoadBalancerInfo: {
      doc: 'Which container and port the load balancer sends traffic to. Required.',
      type: 'map',
      anyCase: true,
      required: ['ContainerName', 'ContainerPort'],
      keys: {
        ContainerName: { doc: 'Name of the container (as in the task definition) that receives traffic. Required.', type: 'string' },
        ContainerPort: { doc: 'Container port that receives traffic, a number. Required.', type: 'int' },
      },
    },
    PlatformVersion: { doc: 'Fargate platform version for the replacement tasks, e.g. `1.4.0`; `LATEST` when not given.', type: 'string' },
    NetworkConfiguration: {
      doc: 'Network settings for tasks using the awsvpc network mode; without it the service keeps its current settings.',
      type: 'map',
      anyCase: true,
      keys: {
        AwsvpcConfiguration: {
          doc: 'Subnets, security groups and public IP setting. Give all three or none of them.',
          type: 'map',
          anyCase: true,
          keys: {
            Subnets: { doc: 'Subnet IDs for the tasks.', type: 'list', items: { doc: 'A subnet ID.', type: 'string' } },
            SecurityGroups: { doc: 'Security group IDs for the tasks.', type: 'list', items: { doc: 'A security group ID.', type: 'string' } },
            AssignPublicIp: { doc: 'Whether task network interfaces get a public IP: `ENABLED` or `DISABLED`.', type: 'string', allowed: ['ENABLED', 'DISABLED'] },
          },
        },
      },
    },
    CapacityProviderStrategy: {
      doc: 'Capacity providers (e.g. FARGATE, FARGATE_SPOT or an Auto Scaling group provider) to place the replacement tasks on, with their weights.',
      type: 'list',
      items: {
        doc: 'One capacity provider and its share.',
        type: 'map',
        anyCase: true,
        required: ['CapacityProvider'],
        keys: {
          CapacityProvider: { doc: 'Name of the capacity provider. Required.', type: 'string' },
          Base: { doc: 'Minimum number of tasks on this provider before weights apply.', type: 'int' },
          Weight: { doc: 'Relative share of tasks placed on this provider.', type: 'int' },
        },
      },
    },
  },
};

const ECS_SPEC: SpecNode = {
  doc: 'AppSpec file for an Amazon ECS blue/green deployment.',
  type: 'map',
  anyCase: true,
  required: ['version', 'Resources'],
  keys: {
    version: VERSION,
    Resources: {
      doc: 'The ECS service to deploy: a list with exactly one `TargetService` entry.',
      type: 'list',
      ownTypeRule: true,
      items: {
        doc: 'The target service entry.',
        type: 'map',
        anyCase: true,
        keys: {
          TargetService: {
            doc: 'The ECS service whose task set is replaced.',
            type: 'map',
            anyCase: true,
            required: ['Type', 'Properties'],
            keys: {
              Type: { doc: 'Always `AWS::ECS::Service`.', type: 'string', allowed: ['AWS::ECS::Service'] },
              Properties: ECS_PROPERTIES,
            },
          },
        },
      },
    },
    Hooks: functionHooks(ECS_EVENTS),
  },
};

const LAMBDA_FUNCTION: SpecNode = {
  doc: 'The function to deploy; the key is a name of your choosing.',
  type: 'map',
  anyCase: true,
  required: ['Type', 'Properties'],
  keys: {
    Type: { doc: 'Always `AWS::Lambda::Function`.', type: 'string', allowed: ['AWS::Lambda::Function'] },
    Properties: {
      doc: 'Which alias moves from which version to which.',
      type: 'map',
      anyCase: true,
      required: ['Name', 'Alias', 'CurrentVersion', 'TargetVersion'],
      keys: {
        Name: { doc: 'Name of the Lambda function. Required.', type: 'string' },
        Alias: { doc: 'Alias whose traffic shifts (e.g. `live`). Required.', type: 'string' },
        CurrentVersion: { doc: 'Published version the alias points to now. Required.', type: 'scalar' },
        TargetVersion: { doc: 'Published version the alias should point to when the deployment ends. Required.', type: 'scalar' },
      },
    },
  },
};

const LAMBDA_SPEC: SpecNode = {
  doc: 'AppSpec file for an AWS Lambda deployment.',
  type: 'map',
  anyCase: true,
  required: ['version', 'Resources'],
  keys: {
    version: VERSION,
    Resources: {
      doc: 'The function to deploy: a list with exactly one entry, keyed by a name of your choosing.',
      type: 'list',
      ownTypeRule: true,
      items: { doc: 'One function, keyed by a name of your choosing.', type: 'map', anyCase: true, anyKey: LAMBDA_FUNCTION },
    },
    Hooks: functionHooks(LAMBDA_EVENTS),
  },
};

export const APPSPEC_SPECS: Record<AppspecPlatform, SpecNode> = { server: SERVER_SPEC, ecs: ECS_SPEC, lambda: LAMBDA_SPEC };

// ---------------------------------------------------------------------------------------------
// Lookups

/**
 * Hover/completion info for the key at `path` in an AppSpec file, e.g. `['hooks', 'AfterInstall']`
 * or `['Resources', 0, 'TargetService', 'Properties', 'LoadBalancerInfo']`. `[]` describes the file
 * itself (its `children` are the top-level keys). Without a platform, the first platform whose
 * tables know the path answers (call `appspecPlatform(root)` to pass the right one).
 */
export function appspecKeyInfo(path: readonly (string | number)[], platform?: AppspecPlatform): KeyInfo | undefined {
  const platforms: AppspecPlatform[] = platform ? [platform] : ['server', 'ecs', 'lambda'];
  for (const p of platforms) {
    const spec = specAt(APPSPEC_SPECS[p], path);
    if (!spec) continue;
    const hook = hookNameAt(p, path);
    return keyInfoOf(spec, hook ? capitalize(hookOrder(p, hook)) : undefined);
  }
  return undefined;
}

function hookNameAt(platform: AppspecPlatform, path: readonly (string | number)[]): string | undefined {
  const top = typeof path[0] === 'string' ? path[0].toLowerCase() : '';
  if (top !== 'hooks') return undefined;
  if (platform === 'server' && path.length === 2 && typeof path[1] === 'string') return path[1];
  if (platform !== 'server' && path.length === 3 && typeof path[2] === 'string') return path[2];
  return undefined;
}

function capitalize(s: string | undefined): string | undefined {
  return s ? s[0].toUpperCase() + s.slice(1) + '.' : undefined;
}

/** Hook names to offer in completion for a platform, in the order they run. */
export function appspecHookCompletions(platform: AppspecPlatform): string[] {
  const order: readonly string[] = platform === 'server' ? RUN_ORDER.inPlace : RUN_ORDER[platform];
  return order.filter((e) => !EVENTS[platform][e]?.reserved);
}

// ---------------------------------------------------------------------------------------------
// Platform detection

/** Value of a top-level key matched ignoring case (ECS and Lambda files use `Resources` and `resources`). */
export function getAnyCase(map: Node | null | undefined, key: string): Node | undefined {
  if (!isMap(map)) return undefined;
  const k = key.toLowerCase();
  for (let i = map.pairs.length - 1; i >= 0; i--) {
    if (keyText(map.pairs[i]).toLowerCase() === k) return map.pairs[i].value;
  }
  return undefined;
}

/**
 * Which compute platform an AppSpec file is for, from its content: a `Resources` list with an ECS
 * service or a Lambda function, or the EC2/on-premises sections (`os`, `files`, `permissions`, a
 * `hooks` mapping). Undefined when the file does not say (e.g. only `version`).
 */
export function appspecPlatform(root: Node | null | undefined): AppspecPlatform | undefined {
  if (!isMap(root)) return undefined;
  const res = getAnyCase(root, 'Resources');
  // A mapping instead of a list is a common slip; it still says which platform is meant.
  const entries = isSeq(res) ? res.items : isMap(res) ? [res] : [];
  if (entries.length) {
    for (const item of entries) {
      if (!isMap(item)) continue;
      for (const p of item.pairs) {
        const type = str(getAnyCase(p.value, 'Type'))?.toLowerCase() ?? '';
        if (type.includes('ecs')) return 'ecs';
        if (type.includes('lambda')) return 'lambda';
        if (keyText(p).toLowerCase() === 'targetservice') return 'ecs';
        const props = getAnyCase(p.value, 'Properties');
        if (getAnyCase(props, 'TaskDefinition') || getAnyCase(props, 'LoadBalancerInfo')) return 'ecs';
        if (getAnyCase(props, 'Alias') || getAnyCase(props, 'TargetVersion') || getAnyCase(props, 'CurrentVersion')) return 'lambda';
      }
    }
  }
  if (['os', 'files', 'permissions', 'file_exists_behavior'].some((k) => get(root, k) !== undefined)) return 'server';
  const hooks = getAnyCase(root, 'hooks');
  if (isMap(hooks)) return 'server';
  if (isSeq(hooks)) {
    const names = hooks.items.flatMap((i) => (isMap(i) ? i.pairs.map(keyText) : []));
    if (names.some((n) => ['BeforeInstall', 'AfterInstall', 'AfterAllowTestTraffic'].includes(n))) return 'ecs';
    if (names.length && names.every((n) => n in LAMBDA_EVENTS)) return 'lambda';
  }
  return undefined;
}
