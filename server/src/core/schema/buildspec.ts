import { keyInfoOf, specAt, type KeyInfo, type SpecNode } from './specTree';
/**
 * CodeBuild buildspec files as data, in our own words: every key with what it means and what its
 * value must look like. Rules, hovers and completion read these tables.
 */

/** Build phases in the order CodeBuild runs them. */
export const PHASES = ['install', 'pre_build', 'build', 'post_build'] as const;
export type PhaseName = (typeof PHASES)[number];

export const PHASE_DOCS: Record<PhaseName, string> = {
  install: 'Runs first, after the source is downloaded: install the tools the build needs. The only phase that may pick language runtimes with `runtime-versions`.',
  pre_build: 'Runs after install: log in to registries, fetch dependencies, prepare configuration.',
  build: 'Runs after pre_build: compile, test, package.',
  post_build: 'Runs last, also when build failed: push images, package artifacts, send notifications. Artifacts are uploaded after it.',
};

/** Runtime names `runtime-versions` knows (docker only on older standard images). */
export const RUNTIMES = ['android', 'dotnet', 'golang', 'java', 'nodejs', 'php', 'python', 'ruby', 'docker'];

export const SHELLS = ['bash', '/bin/sh', 'powershell.exe', 'cmd.exe'];

export const REPORT_FORMATS = ['JUNITXML', 'CUCUMBERJSON', 'NUNITXML', 'NUNIT3XML', 'TESTNGXML', 'VISUALSTUDIOTRX', 'CLOVERXML', 'COBERTURAXML', 'JACOCOXML', 'SIMPLECOV'];

/** `RETRY-<count>`, `RETRY-<regex>` and `RETRY-<count>-<regex>` are also accepted. */
export const ON_FAILURE_PATTERN = /^(ABORT|CONTINUE|RETRY(-\d+)?(-.+)?)$/;

/** Switches: the reference writes most as yes/no and the batch ones as true/false; YAML reads both. */
const yesNo = (doc: string): SpecNode => ({ doc, type: 'bool', allowed: ['yes', 'no'] });
const trueFalse = (doc: string): SpecNode => ({ doc, type: 'bool', allowed: ['true', 'false'] });

const COMMANDS = (when: string): SpecNode => ({
  doc: `Commands to run ${when}, one list item each, in order; the build stops at the first one that fails (exit code other than 0). Quote a command that contains \`: \` or starts with a YAML special character, or YAML reads it as something else.`,
  type: 'list',
  ownTypeRule: true,
  items: { doc: 'One shell command.', type: 'string', ownTypeRule: true },
});

const FINALLY: SpecNode = {
  doc: 'Commands that run after `commands` even when one of them failed (clean-up, reporting). The phase still fails if any command failed.',
  type: 'list',
  ownTypeRule: true,
  items: { doc: 'One shell command.', type: 'string', ownTypeRule: true },
};

function phase(name: PhaseName): SpecNode {
  const keys: Record<string, SpecNode> = {
    'run-as': { doc: 'Linux user to run this phase\'s commands as; overrides the top-level `run-as`.', type: 'string' },
    'on-failure': {
      doc: 'What happens when a command of this phase fails: `ABORT` stops the build (default), `CONTINUE` goes on with the next phase, `RETRY` retries the phase up to 3 times, `RETRY-<count>` up to count times (0–100), `RETRY-<regex>`/`RETRY-<count>-<regex>` only when the error message matches. Not available for Lambda compute or reserved capacity.',
      type: 'string',
      allowed: ['ABORT', 'CONTINUE', 'RETRY'],
      pattern: ON_FAILURE_PATTERN,
    },
    commands: COMMANDS(name === 'install' ? 'to install tools' : `in the ${name} phase`),
    finally: FINALLY,
  };
  if (name === 'install') {
    keys['runtime-versions'] = {
      doc: 'Language runtimes to select on a CodeBuild standard image, e.g. `nodejs: 20`, `python: 3.12`, `java: corretto21`; `3.x` picks the newest minor version and `latest` the newest version. Only in the install phase. Two runtimes that conflict fail the build; without this section the image defaults apply.',
      type: 'map',
      anyKey: { doc: 'A runtime and its version (number, `x.x`, `latest`, or an environment variable such as `$MY_VERSION`).', type: 'scalar' },
    };
  }
  // Lists and bare commands in place of the mapping have their own rule (BUILDSPEC1011, with a fix).
  return { doc: PHASE_DOCS[name], type: 'map', ownTypeRule: true, keys };
}

const TASK_ENV: SpecNode = {
  doc: 'Build environment overrides for this task.',
  type: 'map',
  keys: {
    'compute-type': { doc: 'Compute type for the task, e.g. `BUILD_GENERAL1_SMALL`.', type: 'string' },
    fleet: { doc: 'Reserved-capacity fleet to run the task on (not together with `compute-type`).', type: 'string' },
    image: { doc: 'Image for the task, e.g. `aws/codebuild/standard:7.0`.', type: 'string' },
    'privileged-mode': trueFalse('Run the Docker daemon inside the build container (needed to build images). Default false.'),
    type: { doc: 'Environment type, e.g. `LINUX_CONTAINER`, `ARM_CONTAINER`, `WINDOWS_SERVER_2019_CONTAINER`.', type: 'string' },
    variables: { doc: 'Environment variables for this task.', type: 'map', anyKey: { doc: 'Variable value.', type: 'scalar' } },
  },
};

function batchTask(graph: boolean): SpecNode {
  const keys: Record<string, SpecNode> = {
    identifier: { doc: `Name of this task${graph ? ', referenced by `depend-on`' : ''}. Letters, digits and underscores.`, type: 'string' },
    buildspec: { doc: 'Buildspec file for this task (path in the source); this file when not given.', type: 'string' },
    'debug-session': trueFalse('Allow a Session Manager debug session for this task.'),
    env: TASK_ENV,
    'ignore-failure': trueFalse('Let the batch succeed even when this task fails.'),
  };
  if (graph) keys['depend-on'] = { doc: 'Identifiers of tasks that must finish before this one starts.', type: 'list', items: { doc: 'A task identifier.', type: 'string' } };
  return { doc: 'One build task of the batch.', type: 'map', keys, ...(graph ? { required: ['identifier'] } : {}) };
}

const ARTIFACT_KEYS: Record<string, SpecNode> = {
  files: {
    doc: 'Files to upload, relative to the source root (or `base-directory`): names, `dir/*`, `**/*`. Usually a list; a single path is accepted too (e.g. `files: imagedefinitions.json`). Required.',
    type: 'stringOrList',
    items: { doc: 'A path or glob.', type: 'string' },
  },
  name: { doc: 'Name of the artifact; may use shell syntax evaluated at build time, e.g. `app-$(date +%Y-%m-%d)`. Used only when the project allows the buildspec to name artifacts.', type: 'string' },
  'discard-paths': yesNo('`yes` puts every file at the top of the artifact, dropping its folders.'),
  'base-directory': { doc: 'Folder (relative to the source root) the `files` are taken from; the folder itself is not included. A pattern such as `build*` is allowed.', type: 'string' },
  'exclude-paths': { doc: 'Paths or globs, relative to `base-directory`, to leave out.', type: 'stringOrList' },
  'enable-symlinks': yesNo('Keep symbolic links inside a ZIP artifact.'),
  's3-prefix': { doc: 'Prefix of the S3 key when the project names artifacts by build ID.', type: 'string' },
};

const SECONDARY: SpecNode = {
  doc: 'Further artifacts, keyed by artifact identifier; each identifier must match a secondary artifact of the project.',
  type: 'map',
  anyKey: { doc: 'A secondary artifact; same keys as `artifacts`.', type: 'map', required: ['files'], keys: ARTIFACT_KEYS },
};

export const BUILDSPEC_SPEC: SpecNode = {
  doc: 'CodeBuild build specification.',
  type: 'map',
  keys: {
    version: {
      doc: 'Buildspec format version: `0.2`. (`0.1` is the old format that runs each command in a new shell, so `cd` and variables do not carry over.) Required.',
      type: 'scalar',
      allowed: ['0.2', '0.1'],
      ownTypeRule: true,
    },
    'run-as': { doc: 'Linux user to run every command as (root when not given). A phase may name another user. Linux builds only.', type: 'string' },
    env: {
      doc: 'Environment for the commands: plain variables, values from Parameter Store and Secrets Manager, the shell, and variables to export to later pipeline stages.',
      type: 'map',
      keys: {
        shell: { doc: 'Shell that runs the commands: `bash` or `/bin/sh` on Linux, `powershell.exe` or `cmd.exe` on Windows.', type: 'string', allowed: SHELLS },
        variables: {
          doc: 'Plain-text environment variables (`NAME: value`). Values show up in the console and API: keep secrets in `parameter-store` or `secrets-manager`. Names starting with `CODEBUILD_` are reserved. Project and start-build settings override these.',
          type: 'map',
          anyKey: { doc: 'An environment variable and its value.', type: 'scalar' },
        },
        'parameter-store': {
          doc: 'Variables read from Systems Manager Parameter Store: `NAME: /parameter/name`. The service role needs `ssm:GetParameters`. Values are masked in logs.',
          type: 'map',
          anyKey: { doc: 'Variable name and the Parameter Store name to read.', type: 'string' },
        },
        'secrets-manager': {
          doc: 'Variables read from Secrets Manager: `NAME: secret-id:json-key:version-stage:version-id` (only the secret ID is required; use the ARN for another account). Values are masked in logs.',
          type: 'map',
          anyKey: { doc: 'Variable name and the secret reference.', type: 'string' },
        },
        'exported-variables': {
          doc: 'Variables whose final values are exported (e.g. to later CodePipeline actions). Names starting with `AWS_` and secrets from the project cannot be exported.',
          type: 'list',
          items: { doc: 'A variable name.', type: 'string' },
        },
        'git-credential-helper': yesNo('`yes` lets Git commands use CodeBuild\'s credential helper with the source credentials. Not for builds started by a webhook of a public repository.'),
      },
    },
    proxy: {
      doc: 'Settings for builds that run behind an explicit proxy server.',
      type: 'map',
      keys: {
        'upload-artifacts': yesNo('`yes` lets the build upload artifacts through the proxy. Default no.'),
        logs: yesNo('`yes` lets the build send CloudWatch logs through the proxy. Default no.'),
      },
    },
    batch: {
      doc: 'Batch build: several builds from one start, as a list, a matrix, a dependency graph, or a fan-out of test shards. Use one batch type.',
      type: 'map',
      keys: {
        'fast-fail': trueFalse('`true` stops the running builds as soon as one fails. Default false.'),
        'build-list': { doc: 'Builds that run in parallel, each with its own settings.', type: 'list', items: batchTask(false) },
        'build-graph': { doc: 'Builds with dependencies: a build starts when the builds it depends on have finished.', type: 'list', items: batchTask(true) },
        'build-matrix': {
          doc: 'One build for every combination of the listed values.',
          type: 'map',
          keys: {
            static: {
              doc: 'Settings every build of the matrix shares.',
              type: 'map',
              keys: {
                'ignore-failure': trueFalse('Let the batch succeed even when a build fails.'),
                'debug-session': trueFalse('Allow Session Manager debug sessions.'),
                env: TASK_ENV,
              },
            },
            dynamic: {
              doc: 'Values to combine; each list multiplies the number of builds.',
              type: 'map',
              keys: {
                buildspec: { doc: 'Buildspec files to run (a list makes one build per file).', type: 'stringOrList' },
                env: {
                  doc: 'Environment values to combine.',
                  type: 'map',
                  keys: {
                    'compute-type': { doc: 'Compute types to combine.', type: 'stringOrList' },
                    fleet: { doc: 'Fleets to combine.', type: 'stringOrList' },
                    image: { doc: 'Images to combine.', type: 'stringOrList' },
                    variables: { doc: 'Variables and the list of values each takes.', type: 'map', anyKey: { doc: 'Values of this variable.', type: 'any' } },
                  },
                },
              },
            },
          },
        },
        'build-fanout': {
          doc: 'Runs the same build several times in parallel and splits the tests between them (with `codebuild-tests-run`).',
          type: 'map',
          keys: {
            parallelism: { doc: 'How many builds share the tests.', type: 'int' },
            'ignore-failure': trueFalse('Let the batch succeed even when a shard fails.'),
          },
        },
      },
    },
    phases: {
      doc: 'The commands of the build, by phase. CodeBuild runs install, pre_build, build and post_build in that order, whatever the order here; a failing phase skips the later ones (post_build still runs after build fails).',
      type: 'map',
      ownKeyRule: true,
      keys: Object.fromEntries(PHASES.map((p) => [p, phase(p)])),
    },
    reports: {
      doc: 'Test and code-coverage reports, keyed by report group name or ARN (at most 5 groups per project). A name creates the group `<project>-<name>`.',
      type: 'map',
      anyKey: {
        doc: 'A report group and the result files it reads.',
        type: 'map',
        required: ['files'],
        keys: {
          files: { doc: 'Result files, relative to the source root or `base-directory`; globs allowed. Required.', type: 'stringOrList', items: { doc: 'A path or glob.', type: 'string' } },
          'base-directory': { doc: 'Folder the result files are in.', type: 'string' },
          'discard-paths': yesNo('`yes` drops the folders of the result files.'),
          'file-format': { doc: 'Format of the result files (default `JUNITXML`; any case).', type: 'string', allowed: REPORT_FORMATS, allowedAnyCase: true },
        },
      },
    },
    artifacts: {
      doc: 'Build output to upload to the project\'s artifact location. Not needed when the build only pushes images or runs tests.',
      type: 'map',
      required: ['files'],
      keys: { ...ARTIFACT_KEYS, 'secondary-artifacts': SECONDARY },
    },
    cache: {
      doc: 'Files to keep between builds (S3 or local cache of the project).',
      type: 'map',
      required: ['paths'],
      keys: {
        paths: { doc: 'Paths or globs to cache, e.g. `/root/.m2/**/*`. Required.', type: 'stringOrList', items: { doc: 'A path or glob.', type: 'string' } },
        key: { doc: 'Cache key to save under and restore from, e.g. `npm-$(codebuild-hash-files package-lock.json)`.', type: 'string' },
        'fallback-keys': { doc: 'Up to five key prefixes to restore from when `key` has no cache yet. Ignored without `key`.', type: 'list', items: { doc: 'A key prefix.', type: 'string' } },
        action: { doc: '`restore` only restores, `save` only saves; both when not given.', type: 'string', allowed: ['restore', 'save'] },
      },
    },
  },
};

/**
 * Hover/completion info for the key at `path` in a buildspec, e.g. `['phases', 'install',
 * 'runtime-versions']` or `['env', 'variables', 'MY_VAR']`. `[]` describes the file itself.
 */
export function buildspecKeyInfo(path: readonly (string | number)[]): KeyInfo | undefined {
  const spec = specAt(BUILDSPEC_SPEC, path);
  if (!spec) return undefined;
  let extra: string | undefined;
  if (path.length === 2 && path[0] === 'phases' && typeof path[1] === 'string') {
    const i = PHASES.indexOf(path[1] as PhaseName);
    if (i >= 0) extra = `Runs ${['1st', '2nd', '3rd', '4th'][i]} of 4 phases.`;
  }
  if (path.length === 3 && path[0] === 'phases' && path[2] === 'runtime-versions') {
    return keyInfoOf(spec, `Known runtimes: ${RUNTIMES.join(', ')}.`);
  }
  return keyInfoOf(spec, extra);
}
