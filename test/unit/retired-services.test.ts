import assert from 'node:assert/strict';
import { parseTemplate } from '../../server/src/core/document';
import { resourceLifecycle } from '../../server/src/core/facts';
import { lintDocument } from '../../server/src/core/lint';

const retired = (type: string, today: string) => {
  const doc = parseTemplate('file:///t.yaml', 1, `Resources:\n  R:\n    Type: ${type}\n`);
  return lintDocument(doc, { fileName: doc.uri, kind: 'cfn', today: new Date(`${today}T00:00:00Z`) })
    .findings.filter((f) => f.code === 'CFN3203')
    .map((f) => `${f.severity} ${doc.text.slice(f.start, f.end)}`);
};

describe('resources of services AWS shut down (CFN3203)', () => {
  it('reads the lifecycle table generated from the registry schemas', () => {
    assert.equal(resourceLifecycle('AWS::IoTAnalytics::Channel')?.status, 'shutdown');
    assert.equal(resourceLifecycle('AWS::SQS::Queue'), undefined);
  });

  it('warns on a shut-down service after its date, and on a sunset one once support ended', () => {
    const shut = resourceLifecycle('AWS::IoTAnalytics::Channel')!.date!;
    assert.deepEqual(retired('AWS::IoTAnalytics::Channel', shut), ['warning AWS::IoTAnalytics::Channel']);
    assert.deepEqual(retired('AWS::IoTAnalytics::Channel', '2020-01-01'), []);
    const sunset = resourceLifecycle('AWS::AppMesh::Mesh')!;
    assert.equal(sunset.status, 'sunset');
    assert.deepEqual(retired('AWS::AppMesh::Mesh', '2020-01-01'), []);
    assert.deepEqual(retired('AWS::AppMesh::Mesh', sunset.date!), ['warning AWS::AppMesh::Mesh']);
    assert.deepEqual(retired('AWS::SQS::Queue', '2099-01-01'), []);
  });
});
