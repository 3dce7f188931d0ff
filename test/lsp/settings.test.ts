import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { stringList } from '../../client/src/settingValues';
import { checkSettings } from '../../server/src/workspace';
import { LspClient } from './harness';
import { NOTES_CONFIG } from '../../server/src/core/protocol';

const BAD = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimout: 3\n';

describe('settings are user input', () => {
  it('each wrong value falls back to its default and is named once', () => {
    const { settings, problems } = checkSettings({ kinds: { cfn: '**/infra/*.yaml', sam: ['**/sam/*.yaml'], nope: ['x'] }, validate: null, maxFileSizeMB: 'big' });
    assert.deepEqual(settings, { validate: { enable: true }, kinds: { sam: ['**/sam/*.yaml'] }, maxFileSizeMB: 5, bestPractices: {} });
    assert.equal(problems.length, 4);
    assert.match(problems.join('\n'), /awsNotes\.kinds\.cfn is the text "\*\*\/infra\/\*\.yaml", but it must be a list of globs/);
    assert.match(problems.join('\n'), /awsNotes\.validate is null/);
    assert.match(problems.join('\n'), /awsNotes\.maxFileSizeMB is the text "big"/);
    assert.match(problems.join('\n'), /'nope', which is not a kind/);
    assert.deepEqual(checkSettings(null), { settings: { validate: { enable: true }, kinds: {}, maxFileSizeMB: 5, bestPractices: {} }, problems: [] });
    assert.deepEqual(checkSettings({ kinds: null, maxFileSizeMB: null }).problems, []);
  });

  it('the server keeps checking with a string where a list of globs belongs, and says so once', async () => {
    const c = new LspClient();
    const shown: string[] = [];
    c.rpc.onNotification('window/showMessage', (p: { message: string }) => void shown.push(p.message));
    try {
      await c.initialize({ kinds: { cfn: '**/infra/*.yaml' }, validate: { enable: true } });
      c.open('file:///w/infra/a.yaml', BAD);
      const d = await c.waitDiagnostics('file:///w/infra/a.yaml', (x) => x.length > 0);
      assert.deepEqual(d.map((x) => x.code), ['CFN3003']);
      await c.rpc.sendNotification('workspace/didChangeConfiguration', { settings: { awsNotes: { kinds: { cfn: '**/infra/*.yaml' }, maxFileSizeMB: null } } });
      await c.rpc.sendNotification(NOTES_CONFIG.method, { roots: null, patterns: 'notes' });
      c.open('file:///w/b.yaml', BAD);
      await c.waitDiagnostics('file:///w/b.yaml', (x) => x.length > 0);
      assert.equal(shown.filter((m) => /awsNotes\.kinds\.cfn/.test(m)).length, 1, JSON.stringify(shown));
    } finally {
      c.dispose();
    }
  });

  it('settings that must not come from an untrusted workspace are declared restricted', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    const restricted: string[] = pkg.capabilities.untrustedWorkspaces.restrictedConfigurations;
    for (const key of ['awsNotes.notes.paths', 'awsNotes.kinds', 'awsNotes.maxFileSizeMB']) {
      assert.ok(restricted.includes(key), key);
      assert.ok(pkg.contributes.configuration.properties[key], `${key} is a real setting`);
    }
  });
});

describe('client: notes paths as the user may have written them', () => {
  it('null is empty; a single string or mixed list is ignored with a problem', () => {
    assert.deepEqual(stringList(null, 'awsNotes.notes.paths'), { list: [] });
    assert.deepEqual(stringList(['notes/', 'x.md'], 'awsNotes.notes.paths'), { list: ['notes/', 'x.md'] });
    for (const bad of ['notes/', ['notes/', 3], { a: 1 }]) {
      const r = stringList(bad, 'awsNotes.notes.paths');
      assert.deepEqual(r.list, []);
      assert.match(r.problem ?? '', /awsNotes\.notes\.paths must be a list/);
    }
  });
});
