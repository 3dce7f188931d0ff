import assert from 'node:assert/strict';
import { applyFirstFix, lint, tpl } from './helpers';

const queue = (...props: string[]) => tpl(['  Q:', '    Type: AWS::SQS::Queue', '    Properties:', ...props.map((p) => `      ${p}`), ''].join('\n'));
const found = (text: string) => {
  const { doc, findings } = lint(text);
  return findings.filter((f) => f.code.startsWith('SQS')).map((f) => `${f.code} ${doc.text.slice(f.start, f.end)}`);
};

describe('SQS FIFO queues (SQS1001, SQS1002)', () => {
  it('accepts FIFO queues named .fifo, unnamed ones, standard queues, and computed values', () => {
    assert.deepEqual(found(queue('FifoQueue: true', 'QueueName: orders.fifo', 'ContentBasedDeduplication: true', 'FifoThroughputLimit: perMessageGroupId', 'DeduplicationScope: messageGroup')), []);
    assert.deepEqual(found(queue('FifoQueue: "true"')), []);
    assert.deepEqual(found(queue('QueueName: orders', 'ContentBasedDeduplication: false')), []);
    assert.deepEqual(found(queue('FifoQueue: !Ref IsFifo', 'QueueName: orders', 'ContentBasedDeduplication: true')), []);
    assert.deepEqual(found(queue('FifoQueue: true', 'QueueName: !Sub "${AWS::StackName}-${Suffix}"')), []);
  });

  it('SQS1001: a FIFO name without .fifo (fix appends it), a standard queue named .fifo (fix drops it)', () => {
    const fifo = queue('FifoQueue: true', 'QueueName: orders');
    assert.deepEqual(found(fifo), ['SQS1001 orders']);
    assert.match(applyFirstFix(fifo, 'SQS1001'), /QueueName: orders\.fifo\n/);
    assert.deepEqual(found(queue('FifoQueue: true', 'QueueName: !Sub "${AWS::StackName}-orders"')), ['SQS1001 "${AWS::StackName}-orders"']);
    const standard = queue('QueueName: orders.fifo');
    assert.deepEqual(found(standard), ['SQS1001 orders.fifo']);
    assert.match(applyFirstFix(standard, 'SQS1001'), /QueueName: orders\n/);
  });

  it('SQS1002: FIFO-only properties on a standard queue, with a remove fix', () => {
    const text = queue('FifoQueue: false', 'ContentBasedDeduplication: true', 'FifoThroughputLimit: perQueue');
    assert.deepEqual(found(text), ['SQS1002 ContentBasedDeduplication', 'SQS1002 FifoThroughputLimit']);
    assert.doesNotMatch(applyFirstFix(text, 'SQS1002'), /ContentBasedDeduplication/);
  });
});
