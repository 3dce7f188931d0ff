import assert from 'node:assert/strict';
import { parseTemplate } from '../../server/src/core/document';
import { hoverAt } from '../../server/src/core/hover';
import type { Kind } from '../../server/src/core/kind';

function hover(text: string, kind: Kind, needle: string, into = 1, name = 'file:///appspec.yml') {
  const doc = parseTemplate(name, 1, text);
  const at = text.indexOf(needle);
  assert.ok(at >= 0, needle);
  return hoverAt(doc, kind, at + into);
}

const SERVER = `version: 0.0
os: linux
files:
  - source: /
    destination: /var/www/html
file_exists_behavior: OVERWRITE
permissions:
  - object: /var/www/html
    owner: nginx
hooks:
  AfterInstall:
    - location: scripts/configure.sh
      timeout: 300
      runas: root
  ApplicationStop:
    - location: scripts/stop.sh
  AllowTraffic:
    - location: scripts/nope.sh
`;

const ECS = `version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: "<TASK_DEFINITION>"
        LoadBalancerInfo:
          ContainerName: "web"
          ContainerPort: 80
Hooks:
  - AfterAllowTestTraffic: "RunTests"
`;

const LAMBDA = `version: 0.0
Resources:
  - myFunction:
      Type: AWS::Lambda::Function
      Properties:
        Name: "orders"
        Alias: "live"
        CurrentVersion: "3"
        TargetVersion: "4"
Hooks:
  - BeforeAllowTraffic: "SmokeTest"
`;

const BUILDSPEC = `version: 0.2
env:
  variables:
    STAGE: prod
phases:
  post_build:
    commands:
      - echo done
  install:
    runtime-versions:
      nodejs: 20
    commands:
      - npm ci
reports:
  unit:
    files:
      - report.xml
    file-format: JUNITXML
artifacts:
  files:
    - '**/*'
`;

describe('AppSpec hovers', () => {
  it('a hook: what it does, where it runs in each deployment style, the full sequence', () => {
    const h = hover(SERVER, 'appspec', 'ApplicationStop', 3)!;
    assert.equal(h.term, 'ApplicationStop');
    assert.equal(h.context, 'CodeDeploy AppSpec');
    assert.match(h.markdown, /^\*\*ApplicationStop\*\* — lifecycle hook, EC2\/on-premises\n/);
    assert.match(h.markdown, /Stop the running application/);
    assert.match(h.markdown, /Runs 3rd of 9 in an in-place deployment; 1st of 9 in a blue\/green deployment \(replacement instances\)\./);
    assert.match(h.markdown, /In-place deployment: _Start_ → BeforeBlockTraffic → _BlockTraffic_ → AfterBlockTraffic → \*\*ApplicationStop\*\* → _DownloadBundle_/);
    assert.match(h.markdown, /Blue\/green deployment: _Start_ → \*\*ApplicationStop\*\*/);
    assert.equal(SERVER.slice(h.start, h.end), 'ApplicationStop');
  });

  it('a reserved event is named as such', () => {
    const h = hover(SERVER, 'appspec', 'AllowTraffic:', 2)!;
    assert.match(h.markdown, /^\*\*AllowTraffic\*\* — reserved lifecycle event/);
    assert.match(h.markdown, /CodeDeploy runs this step itself/);
  });

  it('keys and values: os with allowed values, files, script keys, permissions', () => {
    const os = hover(SERVER, 'appspec', 'linux', 2)!;
    assert.match(os.markdown, /^\*\*os\*\* — AppSpec, EC2\/on-premises/);
    assert.match(os.markdown, /Allowed values: `linux`, `windows`/);
    assert.match(hover(SERVER, 'appspec', 'file_exists_behavior')!.markdown, /Allowed values: `DISALLOW`, `OVERWRITE`, `RETAIN`/);
    assert.match(hover(SERVER, 'appspec', 'timeout')!.markdown, /All scripts of one event together may take at most 3600 seconds/);
    assert.match(hover(SERVER, 'appspec', 'owner')!.markdown, /User name to own the matching entries/);
    assert.match(hover(SERVER, 'appspec', 'hooks:')!.markdown, /CodeDeploy runs the events in its own fixed order/);
    assert.match(hover(SERVER, 'appspec', 'version')!.markdown, /The only version there is: `0\.0`/);
  });

  it('ECS: hooks as one-key mappings, and the task definition keys', () => {
    const h = hover(ECS, 'appspec', 'AfterAllowTestTraffic', 3)!;
    assert.match(h.markdown, /^\*\*AfterAllowTestTraffic\*\* — lifecycle hook, Amazon ECS/);
    assert.match(h.markdown, /Runs 3rd of 5 in an ECS blue\/green deployment\./);
    assert.match(h.markdown, /ECS blue\/green deployment: _Start_ → BeforeInstall → _Install_ → AfterInstall → _AllowTestTraffic_ → \*\*AfterAllowTestTraffic\*\*/);
    assert.match(hover(ECS, 'appspec', 'ContainerPort')!.markdown, /^\*\*ContainerPort\*\* — AppSpec, Amazon ECS\n\nContainer port that receives traffic/);
    assert.match(hover(ECS, 'appspec', 'TargetService')!.markdown, /Keys: `Type`, `Properties`/);
  });

  it('Lambda: the traffic hooks and the function properties', () => {
    const h = hover(LAMBDA, 'appspec', 'BeforeAllowTraffic', 3)!;
    assert.match(h.markdown, /lifecycle hook, AWS Lambda/);
    assert.match(h.markdown, /Runs 1st of 2 in a Lambda deployment\./);
    assert.match(hover(LAMBDA, 'appspec', 'TargetVersion')!.markdown, /Published version the alias should point to/);
  });

  it('a value explains its key; unknown keys and list items get nothing', () => {
    assert.match(hover(SERVER, 'appspec', 'scripts/configure.sh', 3)!.markdown, /^\*\*location\*\*/);
    assert.equal(hover(SERVER + 'mystery: 1\n', 'appspec', 'mystery'), null);
    assert.equal(hover(BUILDSPEC, 'buildspec', 'npm ci', 2, 'file:///buildspec.yml'), null);
  });
});

describe('buildspec hovers', () => {
  it('a phase: what it is for and its place in the fixed order', () => {
    const h = hover(BUILDSPEC, 'buildspec', 'post_build', 2, 'file:///buildspec.yml')!;
    assert.match(h.markdown, /^\*\*post_build\*\* — build phase\n\nRuns last, also when build failed/);
    assert.match(h.markdown, /Runs 4th of 4 phases\./);
    assert.match(h.markdown, /Order: install → pre_build → build → \*\*post_build\*\*/);
    assert.match(hover(BUILDSPEC, 'buildspec', 'install', 2, 'file:///buildspec.yml')!.markdown, /Runs 1st of 4 phases/);
  });

  it('keys anywhere: runtime-versions, a variable, report format, artifacts', () => {
    assert.match(hover(BUILDSPEC, 'buildspec', 'runtime-versions', 2, 'file:///buildspec.yml')!.markdown, /Known runtimes: android, dotnet/);
    assert.match(hover(BUILDSPEC, 'buildspec', 'STAGE', 2, 'file:///buildspec.yml')!.markdown, /An environment variable and its value/);
    assert.match(hover(BUILDSPEC, 'buildspec', 'file-format', 2, 'file:///buildspec.yml')!.markdown, /Allowed values: `JUNITXML`/);
    assert.match(hover(BUILDSPEC, 'buildspec', 'artifacts', 2, 'file:///buildspec.yml')!.markdown, /Keys: `files`, `name`, `discard-paths`/);
    assert.match(hover(BUILDSPEC, 'buildspec', 'phases', 2, 'file:///buildspec.yml')!.markdown, /whatever the order here/);
  });
});
