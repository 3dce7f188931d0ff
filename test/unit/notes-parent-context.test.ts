import { strict as assert } from 'node:assert';
import { parseTemplate } from '../../server/src/core/document';
import { hoverAt } from '../../server/src/core/hover';
import { explain } from '../../server/src/core/explain';
import { NotesIndex } from '../../server/src/core/notes';

const TEMPLATE = `Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      LifecycleConfiguration:
        Rules:
          - Id: expire
            Status: Enabled
            ExpirationInDays: 30
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      TimeToLiveSpecification:
        Enabled: true
        AttributeName: ttl
`;

function hover(needle: string) {
  const doc = parseTemplate('file:///t.yaml', 1, TEMPLATE);
  return hoverAt(doc, 'cfn', TEMPLATE.indexOf(needle) + 1);
}

/** Notes where "rules" means two things: template Rules and S3 lifecycle rules. */
function notes(): NotesIndex {
  const index = new NotesIndex();
  index.addFile(
    'cfn.md',
    '# CloudFormation template\n\nRules: validate parameter values before a stack is created or updated; each rule has assertions.\n',
  );
  index.addFile(
    's3.md',
    '# S3\n\nLifecycle rules move objects to cheaper storage classes after N days or expire them.\n\n# DynamoDB\n\nTTL: an expiry time per item as epoch seconds; expired items are deleted within 48 hours.\n',
  );
  return index;
}

describe('parent-property context for nested keys (issue 14)', () => {
  it('gives a nested key its resource type and parent properties as context', () => {
    assert.equal(hover('Rules:')!.context, 'AWS::S3::Bucket.LifecycleConfiguration');
    assert.equal(hover('ExpirationInDays')!.context, 'AWS::S3::Bucket.LifecycleConfiguration.Rules');
    assert.equal(hover('LifecycleConfiguration')!.context, 'AWS::S3::Bucket');
  });

  it('explains Rules under an S3 LifecycleConfiguration as S3 lifecycle, not the template Rules section', () => {
    const index = notes();
    const nested = explain('Rules', { notes: index, context: hover('Rules:')!.context });
    assert.equal(nested.entryId, 's3.lifecycle');
    assert.deepEqual(
      nested.passages.map((p) => p.file),
      ['s3.md'],
    );
    const section = explain('Rules', { notes: index });
    assert.equal(section.entryId, 'cfn.section.rules');
    assert.equal(section.passages[0]?.file, 'cfn.md');
  });

  it('explains a generic nested key the notes never name from the notes about its parent', () => {
    const r = explain('Enabled', { notes: notes(), context: hover('Enabled: true')!.context });
    assert.equal(r.entryId, 'dynamodb.ttl');
    assert.match(r.passages[0]?.text ?? '', /TTL: an expiry time/);
  });
});
