/**
 * The registry table as the product reads it (dist/registry, one line per type, decoded on first
 * use) against the committed table it is built from (server/data/registry).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { registryType, registryTypeNames } from '../../server/src/core/schema/registry';

const committed = path.join(__dirname, '..', '..', 'server', 'data', 'registry');

describe('registry table (dist/registry)', () => {
  it('gives every committed type exactly as committed, and each name of the index', () => {
    let n = 0;
    for (const f of fs.readdirSync(committed).filter((x) => x.endsWith('.json') && x !== 'index.json' && x !== 'sam.json')) {
      const { types } = JSON.parse(fs.readFileSync(path.join(committed, f), 'utf8')) as { types: Record<string, unknown> };
      for (const [name, schema] of Object.entries(types)) {
        assert.deepEqual(registryType(name), schema, name);
        n++;
      }
    }
    assert.ok(n > 1000, `${n} types`);
    assert.deepEqual(registryTypeNames().filter((t) => !registryType(t)), []);
  });

  it('knows nothing else: a type being typed, a made-up service, a name with JSON syntax in it', () => {
    for (const t of ['AWS::EC2::Instanc', 'AWS::EC2::Instance ', 'AWS::EC2', 'AWS::EC2::', 'AWS::Nope::Thing', 'Custom::Mine', '', 'AWS::EC2::Instance",{', 'AWS::EC2::Instance\n["AWS::EC2::VPC"'])
      assert.equal(registryType(t), undefined, JSON.stringify(t));
  });

  it('is built as one line per type, so a look-up decodes only its own type (scripts/build.d/registry.mjs)', () => {
    const lines = fs.readFileSync(path.join(__dirname, '..', '..', 'dist', 'registry', 'AWS-EC2.types'), 'utf8').split('\n').filter(Boolean);
    const { types } = JSON.parse(fs.readFileSync(path.join(committed, 'AWS-EC2.json'), 'utf8')) as { types: Record<string, unknown> };
    assert.deepEqual(lines.map((l) => (JSON.parse(l) as [string])[0]), Object.keys(types));
  });

  it('decodes a type once: the same object on every look-up', () => {
    assert.equal(registryType('AWS::SQS::Queue'), registryType('AWS::SQS::Queue'));
  });
});
