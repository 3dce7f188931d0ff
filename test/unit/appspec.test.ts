import assert from 'node:assert/strict';
import path from 'node:path';
import { parseTemplate } from '../../server/src/core/document';
import { applyEdits, fixesFor } from '../../server/src/core/fixes';
import { lintDocument } from '../../server/src/core/lint';
import { appspecRules } from '../../server/src/core/rules/appspec';
import type { Finding } from '../../server/src/core/rules/types';
import { appspecHookCompletions, appspecKeyInfo, appspecPlatform, hookOrder, hookPositions, RESERVED_EVENTS, scriptableHooks } from '../../server/src/core/schema/appspec';
import { fixtureChecks, specKit } from './helpers';

const { FIXTURES, read, files, lint, lintFile, codes } = specKit('appspec');

/** Apply one fix action and lint again. */
function applyFix(text: string, name: string, f: Finding, action = 0) {
  const { doc } = lint(text, name);
  const fixes = fixesFor(doc, f);
  assert.ok(fixes[action], `${f.code} at ${f.start} offers fix #${action}`);
  const out = applyEdits(text, fixes[action].edits);
  return { out, ...lint(out, name) };
}

describe('appspec rules', () => {
  fixtureChecks('appspec', appspecRules, /^APPSPEC1\d{3}$/);

  describe('finding ranges', () => {
    it('points every finding at a token inside the file', () => {
      for (const file of files('invalid')) {
        const text = read(file);
        for (const f of lintFile(file).findings) {
          assert.ok(f.start >= 0 && f.end <= text.length && f.end >= f.start, `${f.code} in ${file}`);
          assert.ok(f.end - f.start < 200, `${f.code} range is small in ${path.basename(file)}`);
        }
      }
    });
  });

  describe('fixes', () => {
    it('every fix action re-parses and removes its finding', () => {
      let checked = 0;
      for (const file of files('invalid')) {
        const text = read(file);
        const name = path.basename(file);
        const { doc, findings } = lint(text, name);
        for (const f of findings) {
          fixesFor(doc, f).forEach((_, i) => {
            const after = applyFix(text, name, f, i);
            assert.ok(!after.findings.some((g) => g.code === 'DOC1001'), `${name} ${f.code} fix #${i} breaks the YAML:\n${after.out}`);
            assert.ok(!after.findings.some((g) => g.code === f.code && g.message === f.message), `${name} ${f.code} fix #${i} leaves the finding:\n${after.out}`);
            checked++;
          });
        }
      }
      assert.ok(checked >= 25, `checked ${checked} fixes`);
    });

    it("adds 'version: 0.0' below leading comments (YAML) and first in the object (JSON)", () => {
      const yml = read(path.join(FIXTURES, 'invalid', 'APPSPEC1001.yml'));
      const f = lint(yml).findings.find((x) => x.code === 'APPSPEC1001')!;
      assert.ok(applyFix(yml, 'appspec.yml', f).out.startsWith('# Missing version.\nversion: 0.0\nos: linux\n'));
      const json = read(path.join(FIXTURES, 'invalid', 'APPSPEC1001.json'));
      const g = lint(json, 'appspec.json').findings.find((x) => x.code === 'APPSPEC1001')!;
      assert.ok(applyFix(json, 'appspec.json', g).out.startsWith('{\n  "version": 0.0,\n  "os": "linux",'));
    });

    it('unquotes a quoted version for the EC2 agent', () => {
      const text = 'version: "0.0"\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n';
      const f = lint(text).findings.find((x) => x.code === 'APPSPEC1002')!;
      assert.equal(f.severity, 'warning');
      assert.equal(applyFix(text, 'appspec.yml', f).out.split('\n')[0], 'version: 0.0');
      // ECS and Lambda accept both spellings.
      const ecs = 'version: "0.0"\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: <TD>\n        LoadBalancerInfo: { ContainerName: web, ContainerPort: 80 }\n';
      assert.deepEqual(codes(lint(ecs).findings), []);
    });

    it('replaces an EC2-only hook in a Lambda file with the nearest Lambda hook', () => {
      const text = read(path.join(FIXTURES, 'invalid', 'APPSPEC1014-lambda.yml'));
      const f = lint(text).findings.find((x) => x.code === 'APPSPEC1014' && x.message.startsWith("'ValidateService'"))!;
      const after = applyFix(text, 'appspec.yml', f);
      assert.match(after.out, /- AfterAllowTraffic: orders-check/);
      assert.equal(fixesFor(lint(text).doc, f)[0].preferred, true);
    });

    it('turns a script written without a dash into a list item, and a bare path into location:', () => {
      const text = read(path.join(FIXTURES, 'invalid', 'APPSPEC1013.yml'));
      const found = lint(text).findings.filter((x) => x.code === 'APPSPEC1013');
      const a = applyFix(text, 'appspec.yml', found[0]);
      assert.match(a.out, /AfterInstall:\n {4}- location: scripts\/after.sh\n {6}timeout: 300\n/);
      const b = applyFix(text, 'appspec.yml', found[1]);
      assert.match(b.out, /ApplicationStart:\n {4}- location: scripts\/start.sh\n/);
      const bare = read(path.join(FIXTURES, 'invalid', 'APPSPEC1016.yml'));
      const c = applyFix(bare, 'appspec.yml', lint(bare).findings.find((x) => x.code === 'APPSPEC1016')!);
      assert.match(c.out, /- location: scripts\/backup.sh\n/);
    });

    it('makes ECS hooks one-key list items', () => {
      const text = read(path.join(FIXTURES, 'invalid', 'APPSPEC1013-ecs.yml'));
      const after = applyFix(text, 'appspec.yml', lint(text).findings.find((x) => x.code === 'APPSPEC1013')!);
      assert.match(after.out, /Hooks:\n {2}- BeforeInstall: PreflightChecks\n {2}- AfterAllowTraffic: SmokeTest\n/);
      assert.deepEqual(codes(after.findings), []);
    });

    it('makes a Resources mapping a list item, indenting the whole block', () => {
      const text = read(path.join(FIXTURES, 'invalid', 'APPSPEC1020-map.yml'));
      const after = applyFix(text, 'appspec.yml', lint(text).findings.find((x) => x.code === 'APPSPEC1020')!);
      assert.match(after.out, /Resources:\n {2}- TargetService:\n {6}Type: AWS::ECS::Service\n {6}Properties:\n {8}TaskDefinition:/);
      assert.deepEqual(after.findings, []);
    });

    it('offers Before/After events for a reserved event', () => {
      const text = read(path.join(FIXTURES, 'invalid', 'APPSPEC1015.yml'));
      const { doc, findings } = lint(text);
      const install = findings.find((x) => x.code === 'APPSPEC1015' && x.message.startsWith("'Install'"))!;
      assert.deepEqual(fixesFor(doc, install).map((a) => a.title), ["Change to 'BeforeInstall'", "Change to 'AfterInstall'"]);
    });

    it('rewrites an unquoted octal mode so the agent sees the intended digits', () => {
      const text = read(path.join(FIXTURES, 'invalid', 'APPSPEC1011.yml'));
      const { doc, findings } = lint(text);
      const f = findings.find((x) => x.code === 'APPSPEC1011' && x.severity === 'warning')!;
      assert.deepEqual(fixesFor(doc, f).map((a) => a.edits[0].text), ['755', "'0755'"]);
    });
  });

  describe('specific behaviour', () => {
    it('does not flag placeholders a pipeline fills in', () => {
      const text = 'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: <TASK_DEFINITION>\n        LoadBalancerInfo:\n          ContainerName: <CONTAINER_NAME>\n          ContainerPort: <CONTAINER_PORT>\n';
      assert.deepEqual(lint(text).findings, []);
    });

    it('counts only written timeouts towards the 3600 s per event', () => {
      const ok = 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n    - location: b.sh\n      timeout: 3600\n';
      assert.deepEqual(codes(lint(ok).findings), []);
      const over = ok.replace('timeout: 3600', 'timeout: 1800\n    - location: c.sh\n      timeout: 1801');
      assert.deepEqual(codes(lint(over).findings), ['APPSPEC1017']);
    });

    it('warns (not errors) about a hook name that is no lifecycle event at all', () => {
      const text = 'version: 0.0\nos: linux\nhooks:\n  CustomEvent:\n    - location: a.sh\n';
      const f = lint(text).findings;
      assert.equal(f.length, 1);
      assert.equal(f[0].code, 'APPSPEC1014');
      assert.equal(f[0].severity, 'warning');
    });

    it('reads ECS and Lambda keys in any case but EC2 keys exactly', () => {
      assert.deepEqual(lintFile(path.join(FIXTURES, 'valid', 'lambda-lowercase.yml')).findings, []);
      const ec2 = 'version: 0.0\nOS: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n';
      const f = lint(ec2).findings;
      assert.deepEqual(codes(f), ['APPSPEC1003']);
      assert.match(f[0].message, /Did you mean 'os'/);
    });

    it('is detected as appspec by file name and lints through the normal entry point', () => {
      const doc = parseTemplate('file:///repo/appspec.yml', 1, 'version: 0.0\nos: linux\nhooks:\n  AfterInstal:\n    - location: a.sh\n');
      const r = lintDocument(doc, { fileName: '/repo/appspec.yml' });
      assert.equal(r.kind, 'appspec');
      assert.deepEqual(codes(r.findings), ['APPSPEC1014']);
    });
  });
});

describe('appspec tables', () => {
  it('detects the platform from content', () => {
    const p = (t: string) => appspecPlatform(parseTemplate('a.yml', 1, t).root);
    assert.equal(p('version: 0.0\nos: linux\n'), 'server');
    assert.equal(p('version: 0.0\nhooks:\n  AfterInstall: []\n'), 'server');
    assert.equal(p('version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n'), 'ecs');
    assert.equal(p('version: 0.0\nresources:\n  - fn:\n      type: AWS::Lambda::Function\n'), 'lambda');
    assert.equal(p('version: 0.0\nHooks:\n  - AfterAllowTestTraffic: f\n'), 'ecs');
    assert.equal(p('version: 0.0\nHooks:\n  - BeforeAllowTraffic: f\n'), 'lambda');
    assert.equal(p('version: 0.0\n'), undefined);
  });

  it('gives the order hooks really run in', () => {
    assert.equal(hookOrder('server', 'ApplicationStop'), 'runs 3rd of 9 in an in-place deployment; 1st of 9 in a blue/green deployment (replacement instances)');
    assert.match(hookOrder('server', 'BeforeBlockTraffic')!, /1st of 9 in an in-place deployment; 8th of 9 in a blue\/green deployment \(original instances\); .*load balancer/);
    assert.equal(hookOrder('ecs', 'AfterAllowTestTraffic'), 'runs 3rd of 5 in an ECS blue/green deployment');
    assert.equal(hookOrder('lambda', 'AfterAllowTraffic'), 'runs 2nd of 2 in a Lambda deployment');
    assert.match(hookOrder('server', 'Install')!, /^reserved/);
    assert.equal(hookOrder('lambda', 'AfterInstall'), undefined);
    const inPlace = hookPositions('server', 'ValidateService').find((p) => p.style === 'inPlace')!;
    assert.equal(inPlace.sequence[0], 'Start');
    assert.equal(inPlace.sequence[inPlace.sequence.length - 1], 'End');
  });

  it('lists the scriptable hooks and the reserved events per platform', () => {
    assert.deepEqual(scriptableHooks('lambda'), ['BeforeAllowTraffic', 'AfterAllowTraffic']);
    assert.deepEqual(scriptableHooks('ecs'), ['BeforeInstall', 'AfterInstall', 'AfterAllowTestTraffic', 'BeforeAllowTraffic', 'AfterAllowTraffic']);
    assert.equal(scriptableHooks('server').length, 9);
    for (const r of ['Start', 'DownloadBundle', 'Install', 'BlockTraffic', 'AllowTraffic', 'End']) assert.ok(RESERVED_EVENTS.includes(r), r);
    assert.deepEqual(appspecHookCompletions('server').slice(0, 3), ['BeforeBlockTraffic', 'AfterBlockTraffic', 'ApplicationStop']);
  });

  it('answers hovers and completion for keys on every platform', () => {
    assert.deepEqual(appspecKeyInfo([])!.children, ['version', 'os', 'files', 'file_exists_behavior', 'permissions', 'hooks']);
    assert.deepEqual(appspecKeyInfo(['os'])!.allowed, ['linux', 'windows']);
    assert.match(appspecKeyInfo(['hooks', 'AfterInstall'])!.description, /Runs 5th of 9 in an in-place deployment/);
    assert.deepEqual(appspecKeyInfo(['hooks', 'AfterInstall', 0])!.children, ['location', 'timeout', 'runas']);
    assert.deepEqual(appspecKeyInfo(['permissions', 0, 'type', 0])!.allowed, ['file', 'directory']);
    assert.match(appspecKeyInfo(['Hooks', 0, 'AfterAllowTestTraffic'], 'ecs')!.description, /3rd of 5/);
    assert.deepEqual(appspecKeyInfo(['resources', 0, 'TargetService', 'Properties', 'NetworkConfiguration', 'AwsvpcConfiguration', 'AssignPublicIp'], 'ecs')!.allowed, ['ENABLED', 'DISABLED']);
    assert.deepEqual(appspecKeyInfo(['Resources', 0, 'myFn', 'Properties'], 'lambda')!.children, ['Name', 'Alias', 'CurrentVersion', 'TargetVersion']);
    assert.equal(appspecKeyInfo(['nope']), undefined);
  });
});
