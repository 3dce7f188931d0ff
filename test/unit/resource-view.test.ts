import assert from 'node:assert/strict';
import { parseTemplate } from '../../server/src/core/document';
import { completeAt } from '../../server/src/core/editing/completion';
import { hoverAt } from '../../server/src/core/hover';
import { propertyTypeSpec, resourceSpec } from '../../server/src/core/schema/resourceView';

// Completion and hover read resource facts from the registry table, the same one validation reads.
const doc = (text: string) => parseTemplate('file:///t.yaml', 1, text);
const res = (body: string) => `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n${body}`;
function completeAtBar(src: string) {
  const offset = src.indexOf('|');
  const text = src.slice(0, offset) + src.slice(offset + 1);
  return completeAt(doc(text), 'cfn', offset).items;
}
const hoverOn = (text: string, needle: string, into = 2) => hoverAt(doc(text), 'cfn', text.indexOf(needle) + into);

describe('completion and hover from the registry table', () => {
  // GeoProximityLocation is in CloudFormation's registry schema for record sets and was never in
  // the resource specification the editor used to read.
  const RECORD = '  R:\n    Type: AWS::Route53::RecordSet\n    Properties:\n      Name: a.example.com\n      Type: A\n';

  it('offers a property only the registry schema has, with its nested keys', () => {
    const top = completeAtBar(res(`${RECORD}      Geo|\n`));
    const geo = top.find((i) => i.label === 'GeoProximityLocation');
    assert.ok(geo, 'GeoProximityLocation offered');
    assert.equal(geo.detail, 'GeoProximityLocation');
    const nested = completeAtBar(res(`${RECORD}      GeoProximityLocation:\n        |\n`)).map((i) => i.label);
    assert.deepEqual(nested.sort(), ['AWSRegion', 'Bias', 'Coordinates', 'LocalZoneGroup']);
  });

  it('hovers a registry-only property and its nested key with their types', () => {
    const text = res(`${RECORD}      GeoProximityLocation:\n        Bias: 10\n`);
    assert.match(hoverOn(text, 'GeoProximityLocation')!.markdown, /^\*\*GeoProximityLocation\*\* — AWS::Route53::RecordSet · GeoProximityLocation/);
    assert.match(hoverOn(text, 'Bias')!.markdown, /^\*\*Bias\*\* — GeoProximityLocation · Integer/);
  });

  it('leaves read-only properties out of property completion (they are attributes)', () => {
    const labels = completeAtBar(res('  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      |\n')).map((i) => i.label);
    assert.ok(labels.includes('VisibilityTimeout'));
    assert.ok(!labels.includes('Arn') && !labels.includes('QueueUrl'));
  });

  it('types attributes from the schema, nested ones included, and hovers them', () => {
    const text = res('  D:\n    Type: AWS::RDS::DBInstance\nOutputs:\n  O:\n    Value: !GetAtt D.|\n');
    const items = completeAtBar(text);
    assert.equal(items.find((i) => i.label === 'Endpoint.Address')?.detail, 'String');
    assert.equal(resourceSpec('AWS::RDS::DBInstance')?.a['Endpoint.Port'], 's');
    const h = hoverOn(text.replace('D.|', 'D.Endpoint.Address'), 'D.Endpoint.Address', 4);
    assert.match(h!.markdown, /\*\*D\.Endpoint\.Address\*\* — attribute of AWS::RDS::DBInstance/);
  });

  it('names nested objects by their schema definition, and inline ones by a pointer', () => {
    const bucket = resourceSpec('AWS::S3::Bucket')!;
    assert.deepEqual(bucket.p.BucketEncryption.t, ['r', 'AWS::S3::Bucket#BucketEncryption']);
    assert.ok(propertyTypeSpec('AWS::S3::Bucket#BucketEncryption')!.p.ServerSideEncryptionConfiguration.r);
    assert.deepEqual(bucket.p.Tags.t, ['l', ['r', 'AWS::S3::Bucket#Tag']]);
    assert.equal(propertyTypeSpec('AWS::S3::Bucket#/nowhere'), undefined);
    assert.equal(resourceSpec('AWS::Nope::Nothing'), undefined);
  });

  it('adds documentation text to nested properties, keyed by the schema definition name', () => {
    const text = res('  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption:\n        ServerSideEncryptionConfiguration: []\n');
    const md = hoverOn(text, 'ServerSideEncryptionConfiguration')!.markdown.split('\n\n');
    assert.match(md[0], /^\*\*ServerSideEncryptionConfiguration\*\* — BucketEncryption · List of ServerSideEncryptionRule · required$/);
    assert.ok(md[1] && md[1].length > 20, 'a sentence of documentation follows the facts');
  });
});
