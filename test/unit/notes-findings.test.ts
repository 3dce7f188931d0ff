import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createLanguageService } from '../../server/src/core';
import { NotesIndex } from '../../server/src/core/notes';

/** A diagnostic's hover quotes the notes about the finding's topic (issue 14, part 6). */
describe('explain a finding from the notes', () => {
  const dir = path.join(__dirname, '..', 'fixtures', 'notes-styles');
  const notes = new NotesIndex();
  for (const f of fs.readdirSync(dir)) notes.addFile(path.join(dir, f), fs.readFileSync(path.join(dir, f), 'utf8'));
  const service = createLanguageService({ notes });

  it('finds the notes on VPC sizes for CIDR1003 and on lifecycle hooks for APPSPEC1015', () => {
    const cidr = service.explainFinding('CIDR1003');
    assert.ok(cidr?.passages.some((p) => p.text.includes('/16 (65,536 addresses')), cidr?.markdown);
    assert.match(cidr!.markdown, /^\*\*CIDR1003\*\* · /);
    const hooks = service.explainFinding('APPSPEC1015');
    assert.ok(hooks?.passages.some((p) => /hook/i.test(p.text)), hooks?.markdown);
  });

  it('says "Not in your notes" rather than quoting an unrelated passage', () => {
    const r = service.explainFinding('DDB1003');
    assert.deepEqual(r?.passages, []);
    assert.match(r!.markdown, /Not in your notes/);
    assert.equal(service.explainFinding('NOPE9999'), null);
  });

  it('adds the passages to the hover over the finding', () => {
    const text = 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/12\n';
    const file = { uri: 'file:///w/vpc.yaml', version: 1, languageId: 'yaml', getText: () => text };
    assert.ok(service.lint(file).findings.some((f) => f.code === 'CIDR1003'));
    const offset = text.indexOf('10.0.0.0/12') + 3;
    const h = service.explainAt(file, offset);
    assert.match(h?.markdown ?? '', /CIDR1003[\s\S]*65,536 addresses/);
  });
});
