// The vscode-API integration suite: runs in the extension host of a real VS Code (code-server here,
// or the build @vscode/test-electron downloads), against the fixture workspace test/e2e/workspace
// (the harness opens a temporary copy of it as the first workspace folder).
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');

const EXT_ID = 'aws-notes.aws-notes';
const CFN = 'templates/queue-stack.yaml';
const SAM = 'templates/sam-app.yaml';
const APPSPEC = 'deploy/appspec.yml';
const BUILDSPEC = 'deploy/buildspec.yml';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls fn until it returns a truthy value. */
async function waitFor(fn, what, timeout = 20_000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

function uriOf(rel) {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open (open a copy of test/e2e/workspace)');
  return vscode.Uri.joinPath(folder.uri, rel);
}

async function open(rel) {
  const doc = await vscode.workspace.openTextDocument(uriOf(rel));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** PIDs of our language server processes started by this extension host (Linux /proc). */
function serverPids() {
  const fs = require('node:fs');
  const pids = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (cmd.some((a) => a.endsWith('dist/server.js')) && cmd.includes(`--clientProcessId=${process.pid}`)) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

const codeOf = (d) => String(typeof d.code === 'object' && d.code ? d.code.value : d.code);
const describeDiags = (ds) => ds.map((d) => `${codeOf(d)} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`).join('\n');

/** Diagnostics of a document once they satisfy ok. */
async function diagnostics(uri, ok, what) {
  let last = [];
  try {
    return await waitFor(() => {
      last = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'aws-notes');
      return ok(last) ? last : null;
    }, what);
  } catch (e) {
    e.message += `; diagnostics seen:\n${describeDiags(last) || '(none)'}`;
    throw e;
  }
}

const hoverText = (hovers) => hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');

describe('AWS Notes in a real VS Code', function () {
  this.timeout(30_000);

  before(async function () {
    await open(CFN);
    const ext = vscode.extensions.getExtension(EXT_ID);
    assert.ok(ext, `${EXT_ID} is not loaded`);
    await waitFor(() => ext.isActive, `${EXT_ID} to activate on a YAML file`);
  });

  after(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  describe('diagnostics', function () {
    it('CloudFormation: CFN3003 for a misspelt property and CFN3002 for an unknown type', async function () {
      const doc = await open(CFN);
      const ds = await diagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'CFN3003') && ds.some((d) => codeOf(d) === 'CFN3002'), 'CFN3003 and CFN3002');
      const prop = ds.find((d) => codeOf(d) === 'CFN3003');
      assert.equal(prop.message, "'VisibilityTimout' is not a property of AWS::SQS::Queue. Did you mean 'VisibilityTimeout'?");
      assert.equal(prop.severity, vscode.DiagnosticSeverity.Error);
      assert.deepEqual([prop.range.start.line, prop.range.start.character], [6, 6]);
      assert.equal(doc.getText(prop.range), 'VisibilityTimout');
      const type = ds.find((d) => codeOf(d) === 'CFN3002');
      assert.equal(type.range.start.line, 9);
      assert.match(type.message, /'AWS::S3::Bucke' is not a known resource type.*AWS::S3::Bucket/);
      assert.equal(ds.length, 2, describeDiags(ds));
      assert.ok(typeof prop.code === 'object' && String(prop.code.target).length > 0, 'the code links to the rule docs');
    });

    it('SAM: the misspelt Timeout of a function', async function () {
      const doc = await open(SAM);
      const ds = await diagnostics(doc.uri, (ds) => ds.length > 0, 'a diagnostic on the SAM template');
      assert.equal(ds.length, 1, describeDiags(ds));
      assert.match(codeOf(ds[0]), /^(SAM|CFN)\d+$/);
      assert.equal(ds[0].range.start.line, 11);
      assert.equal(doc.getText(ds[0].range), 'Timeot');
      assert.match(ds[0].message, /'Timeot'.*AWS::Serverless::Function.*'Timeout'/);
    });

    it('appspec: an APPSPEC… problem on the misspelt hooks key', async function () {
      const doc = await open(APPSPEC);
      const ds = await diagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d).startsWith('APPSPEC')), 'an APPSPEC diagnostic');
      const hit = ds.find((d) => codeOf(d).startsWith('APPSPEC') && d.range.start.line === 5);
      assert.ok(hit, `no APPSPEC diagnostic on line 6:\n${describeDiags(ds)}`);
      assert.match(hit.message, /hooks/i);
    });

    it('buildspec: a BUILDSPEC… problem on the misspelt install phase', async function () {
      const doc = await open(BUILDSPEC);
      const ds = await diagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d).startsWith('BUILDSPEC')), 'a BUILDSPEC diagnostic');
      const hit = ds.find((d) => codeOf(d).startsWith('BUILDSPEC') && d.range.start.line === 2);
      assert.ok(hit, `no BUILDSPEC diagnostic on line 3:\n${describeDiags(ds)}`);
      assert.match(hit.message, /instal/);
    });

    it('a file that is not an AWS template gets no diagnostics', async function () {
      const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: 'name: ci\non: [push]\njobs: {}\n' });
      await vscode.window.showTextDocument(doc);
      // Give the server the time it needs for a real file (the CFN file's diagnostics arrive in well under this).
      await open(CFN);
      await diagnostics(uriOf(CFN), (ds) => ds.length > 0, 'the CloudFormation diagnostics (a sync point)');
      assert.deepEqual(vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'aws-notes'), []);
    });
  });

  describe('hovers', function () {
    it('a resource type shows its documentation', async function () {
      const doc = await open(CFN);
      const pos = new vscode.Position(4, 14); // inside AWS::SQS::Queue
      const text = await waitFor(async () => hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, pos)) || null, 'a hover');
      assert.match(text, /AWS::SQS::Queue/);
      assert.match(text, /creates an Amazon SQS standard or FIFO queue/);
      assert.match(text, /GetAtt attributes:.*QueueUrl/);
    });

    it('a property shows its type and documentation', async function () {
      const doc = await open(CFN);
      const pos = new vscode.Position(7, 9); // inside MessageRetentionPeriod
      const text = await waitFor(async () => hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, pos)) || null, 'a hover');
      assert.match(text, /MessageRetentionPeriod/);
      assert.match(text, /Integer/);
      assert.match(text, /retains a message/);
    });

    it('a hover cites a passage from the notes/ folder', async function () {
      const settings = Object.keys(vscode.extensions.getExtension(EXT_ID).packageJSON.contributes.configuration?.properties ?? {});
      if (!settings.some((s) => s.startsWith('awsNotes.notes'))) this.skip(); // notes not wired into hovers yet
      const doc = await open(CFN);
      const pos = new vscode.Position(4, 14);
      const text = await waitFor(async () => {
        const t = hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, pos));
        return /sqs-study-notes\.md/.test(t) ? t : null;
      }, 'a hover citing notes/sqs-study-notes.md');
      assert.match(text, /invisible to the other consumers for the visibility timeout/);
    });

    it('the Timeout of a Lambda function cites the Lambda passage of a workspace note first', async function () {
      const doc = await open('templates/lambda-fn.yaml');
      const line = doc.getText().split('\n').findIndex((l) => l.includes('Timeout:'));
      const pos = new vscode.Position(line, 8); // inside Timeout
      const text = await waitFor(async () => {
        const t = hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, pos));
        return /lambda-study-notes\.md/.test(t) ? t : null;
      }, 'a hover citing notes/lambda-study-notes.md');
      assert.match(text, /runs at most its configured timeout/);
      // The SQS visibility timeout note, if quoted at all, comes after the Lambda one.
      const sqs = text.indexOf('invisible to the other consumers');
      assert.ok(sqs < 0 || sqs > text.indexOf('runs at most its configured timeout'));
    });

    it('no hover of ours on a plain value', async function () {
      const doc = await open(CFN);
      const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(1, 20));
      assert.doesNotMatch(hoverText(hovers), /AWS::/);
    });
  });

  describe('completion', function () {
    const labels = (list) => list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));

    it('offers resource types for a Type value', async function () {
      const doc = await open(CFN);
      const pos = new vscode.Position(9, doc.lineAt(9).text.length); // end of "Type: AWS::S3::Bucke"
      const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, pos);
      assert.ok(labels(list).includes('AWS::S3::Bucket'), labels(list).slice(0, 20).join(', '));
    });

    it('offers the properties of the resource type', async function () {
      const doc = await open(CFN);
      const pos = new vscode.Position(7, 6); // start of "MessageRetentionPeriod" under AWS::SQS::Queue
      const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, pos);
      for (const p of ['DelaySeconds', 'FifoQueue', 'RedrivePolicy']) assert.ok(labels(list).includes(p), `${p} not in: ${labels(list).slice(0, 30).join(', ')}`);
      assert.ok(!labels(list).includes('BucketName'), 'offers S3 properties under an SQS queue');
    });
  });

  describe('code actions', function () {
    afterEach(async function () {
      // Leave the fixture as it was for the other tests.
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uriOf(CFN).toString());
      if (doc?.isDirty) {
        await vscode.window.showTextDocument(doc);
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
    });

    it("quick fix \"Change to 'VisibilityTimeout'\" fixes the property and the problem goes away", async function () {
      const doc = await open(CFN);
      const ds = await diagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'CFN3003'), 'CFN3003');
      const diag = ds.find((d) => codeOf(d) === 'CFN3003');
      const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, diag.range);
      const fix = actions.find((a) => a.title === "Change to 'VisibilityTimeout'");
      assert.ok(fix, `offered: ${actions.map((a) => a.title).join(' | ')}`);
      assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
      assert.equal(fix.isPreferred, true);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.equal(doc.lineAt(6).text, '      VisibilityTimeout: 60');
      await diagnostics(doc.uri, (ds) => !ds.some((d) => codeOf(d) === 'CFN3003') && ds.some((d) => codeOf(d) === 'CFN3002'), 'CFN3003 to go away');
    });

    it('"Fix all AWS Notes problems" fixes both mistakes at once', async function () {
      const doc = await open(CFN);
      await diagnostics(doc.uri, (ds) => ds.length === 2, 'two diagnostics');
      const all = new vscode.Range(0, 0, doc.lineCount, 0);
      const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, all, vscode.CodeActionKind.SourceFixAll.value);
      const fixAll = actions.find((a) => a.title === 'Fix all AWS Notes problems');
      assert.ok(fixAll, `offered: ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
      assert.match(doc.getText(), /VisibilityTimeout: 60/);
      assert.match(doc.getText(), /Type: AWS::S3::Bucket\n/);
      // The corrected type is checked in full now, so best-practice advice on the bucket may
      // appear; no error may remain and nothing but that advice.
      await diagnostics(doc.uri, (ds) => ds.every((d) => d.severity !== vscode.DiagnosticSeverity.Error && /^BP\d{4}$/.test(codeOf(d))), 'no error left, only best-practice advice');
    });
  });

  describe('commands', function () {
    it('every contributed command is registered', async function () {
      const pkg = vscode.extensions.getExtension(EXT_ID).packageJSON;
      const registered = new Set(await vscode.commands.getCommands(true));
      const missing = (pkg.contributes.commands ?? []).map((c) => c.command).filter((c) => !registered.has(c));
      assert.deepEqual(missing, []);
    });

    it('awsNotes.showOutput runs', async function () {
      await vscode.commands.executeCommand('awsNotes.showOutput');
    });

    it('awsNotes.explainSelection opens an explanation of the selected term', async function () {
      const pkg = vscode.extensions.getExtension(EXT_ID).packageJSON;
      if (!(pkg.contributes.commands ?? []).some((c) => c.command === 'awsNotes.explainSelection')) this.skip();
      const doc = await open(CFN);
      const editor = vscode.window.activeTextEditor;
      const line = doc.lineAt(7); // MessageRetentionPeriod: 345600
      const start = line.firstNonWhitespaceCharacterIndex;
      editor.selection = new vscode.Selection(7, start, 7, line.text.indexOf(':'));
      const before = new Set(vscode.workspace.textDocuments);
      await vscode.commands.executeCommand('awsNotes.explainSelection');
      const shown = await waitFor(() => vscode.workspace.textDocuments.find((d) => !before.has(d) && d.languageId === 'markdown'), 'a Markdown explanation to open');
      assert.match(shown.getText(), /^# MessageRetentionPeriod\n/);
      assert.match(shown.getText(), /retention period/i);
      assert.match(shown.getText(), /4 days unless MessageRetentionPeriod says otherwise/, 'the passage from notes/sqs-study-notes.md');
    });

    const contributed = (id) => (vscode.extensions.getExtension(EXT_ID).packageJSON.contributes.commands ?? []).some((c) => c.command === id);

    it('awsNotes.cidrCalculator reports a block passed as an argument', async function () {
      if (!contributed('awsNotes.cidrCalculator')) this.skip();
      const report = await vscode.commands.executeCommand('awsNotes.cidrCalculator', '10.0.0.0/16 10.0.128.0/17');
      assert.match(report.summary, /^10\.0\.0\.0\/16: 10\.0\.0\.0 – 10\.0\.255\.255/);
      assert.match(report.summary, /65,536 addresses, 65,531 usable in AWS/);
      assert.match(report.summary, /overlaps 10\.0\.128\.0\/17/);
      assert.match(report.markdown, /^# CIDR 10\.0\.0\.0\/16/);
    });

    it('awsNotes.capacityCalculator sizes a DynamoDB workload passed as arguments', async function () {
      if (!contributed('awsNotes.capacityCalculator')) this.skip();
      const report = await vscode.commands.executeCommand('awsNotes.capacityCalculator', { service: 'dynamodb', itemSize: '6KB', reads: 100, writes: 10 });
      assert.match(report.summary, /\b100 RCU\b/);
      assert.match(report.summary, /\b60 WCU\b/);
      const kinesis = await vscode.commands.executeCommand('awsNotes.capacityCalculator', { service: 'kinesis', recordsPerSecond: 2000, recordSize: '3KB' });
      assert.match(kinesis.summary, /^Kinesis: 6 shards\b/);
    });

    it('awsNotes.planVpcSubnets plans subnets and the plan inserts as CloudFormation', async function () {
      if (!contributed('awsNotes.planVpcSubnets') || !contributed('awsNotes.vpcPlan.insertCloudFormation')) this.skip();
      const doc = await open('templates/network.yaml');
      const editor = vscode.window.activeTextEditor;
      editor.selection = new vscode.Selection(doc.lineCount - 1, 0, doc.lineCount - 1, 0);
      try {
        const summary = await vscode.commands.executeCommand('awsNotes.planVpcSubnets', { vpcCidr: '10.0.0.0/16', azs: 2, tiers: 'public, private' });
        assert.match(summary, /4 × \/18/);
        const inserted = await vscode.commands.executeCommand('awsNotes.vpcPlan.insertCloudFormation');
        assert.match(inserted, /Type: AWS::EC2::VPC/);
        assert.equal((inserted.match(/Type: AWS::EC2::Subnet\b/g) ?? []).length, 4);
        await waitFor(() => doc.getText().includes('10.0.192.0/18'), 'the plan in network.yaml');
        // What it inserted is a template without problems: none show up within a second of the edit.
        const until = Date.now() + 1000;
        while (Date.now() < until) {
          const ds = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'aws-notes');
          assert.deepEqual(ds.map((d) => `${codeOf(d)} ${d.message}`), []);
          await sleep(50);
        }
      } finally {
        await vscode.window.showTextDocument(doc);
        await vscode.commands.executeCommand('workbench.action.files.revert');
        await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
      }
    });

    it('a killed language server is restarted and open documents are checked again', async function () {
      const doc = await open(CFN);
      await diagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'CFN3002'), 'CFN3002 before the kill');
      const before = serverPids();
      assert.equal(before.length, 1, `one language server child of the extension host, found ${before.length}`);
      // Any diagnostics published for the file after the kill can only come from a new server.
      let republished = false;
      const sub = vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === doc.uri.toString()) && vscode.languages.getDiagnostics(doc.uri).some((d) => codeOf(d) === 'CFN3002')) republished = true;
      });
      try {
        process.kill(before[0], 'SIGKILL');
        const after = await waitFor(() => {
          const now = serverPids();
          return now.length === 1 && now[0] !== before[0] ? now : null;
        }, 'a new language server process');
        assert.notEqual(after[0], before[0]);
        // No edit: the restarted server re-validates what is open.
        await waitFor(() => republished, 'CFN3002 published again by the restarted server');
      } finally {
        sub.dispose();
      }
    });

    it('awsNotes.restartServer restarts the server and diagnostics come back', async function () {
      const doc = await open(CFN);
      await vscode.commands.executeCommand('awsNotes.restartServer');
      // An edit after the restart must be checked by the new server.
      const edit = new vscode.WorkspaceEdit();
      edit.insert(doc.uri, new vscode.Position(doc.lineCount, 0), '# edited after restart\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      try {
        await diagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'CFN3002'), 'CFN3002 after the restart');
      } finally {
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
    });
  });
});
