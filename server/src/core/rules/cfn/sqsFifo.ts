/**
 * SQS FIFO queues (SQS1001 name suffix, SQS1002 FIFO-only properties on a standard queue). A FIFO
 * queue's name ends in `.fifo`, and a standard queue's name cannot (a dot is not allowed there);
 * deduplication and throughput settings exist only on FIFO queues. Values written with intrinsics
 * other than a `!Sub` name are skipped.
 */
import { entryFact, type ResourceInfo } from '../../cfn/template';
import { getPair, intrinsicName, isMap, isScalar, str, type MapNode, type Node, type ScalarNode } from '../../document/nodes';
import { resourceRule } from '../define';
import type { Rule } from '../types';

const FIFO_ONLY = ['ContentBasedDeduplication', 'DeduplicationScope', 'FifoThroughputLimit'];

interface Queue {
  props: MapNode;
  /** true / false when written as a literal, undefined when computed; absent means standard. */
  fifo: boolean | undefined;
  /** The name text and the scalar holding it (inside `!Sub` when written that way). */
  name?: { text: string; node: ScalarNode; sub: boolean };
}

function bool(n: Node | undefined): boolean | undefined {
  if (!isScalar(n)) return undefined;
  const v = str(n)?.trim().toLowerCase();
  return v === 'true' ? true : v === 'false' ? false : undefined;
}

/** A queue whose FifoQueue is literal (or absent), else undefined. */
function queueOf(r: ResourceInfo): Queue | undefined {
  if (r.type !== 'AWS::SQS::Queue' || !isMap(r.properties) || intrinsicName(r.properties)) return undefined;
  const fifoPair = getPair(r.properties, 'FifoQueue');
  const fifo = fifoPair ? bool(fifoPair.value) : false;
  if (fifoPair && fifo === undefined) return undefined;
  const n = getPair(r.properties, 'QueueName')?.value;
  let name: Queue['name'];
  if (isScalar(n) && typeof n.value === 'string') name = { text: n.value, node: n, sub: false };
  else if (intrinsicName(n) === 'Fn::Sub') {
    const a = (n as MapNode).pairs[0].value;
    if (isScalar(a) && typeof a.value === 'string') name = { text: a.value, node: a, sub: true };
  }
  return { props: r.properties, fifo, name };
}

const queueFacts = new WeakMap<ResourceInfo, Queue | undefined>();
export const sqsFifoName = resourceRule('SQS1001', 'SQS queue name and FifoQueue disagree about .fifo', [], (_ctx, r, out) => {
  const q = entryFact(queueFacts, r, queueOf);
  if (!q?.name) return;
  const { text, node, sub } = q.name;
  // A name ending in a variable may get its suffix from it.
  if (sub && /\}\s*$/.test(text)) return;
  const hasSuffix = text.trimEnd().endsWith('.fifo');
  if (q.fifo && !hasSuffix) {
    out.push({
      message: `A FIFO queue's name must end in '.fifo'; SQS rejects '${text}'.`,
      start: node.start,
      end: node.end,
      data: sub ? undefined : { fix: 'replace', start: node.start, end: node.end, candidates: [`${text}.fifo`] },
    });
  } else if (!q.fifo && hasSuffix) {
    out.push({
      message: `'${text}' ends in '.fifo', but the queue is a standard queue (FifoQueue is not true); SQS rejects a dot in a standard queue's name. Add 'FifoQueue: true', or drop the suffix.`,
      start: node.start,
      end: node.end,
      data: sub ? undefined : { fix: 'replace', start: node.start, end: node.end, candidates: [text.trimEnd().slice(0, -'.fifo'.length)] },
    });
  }
});

export const sqsFifoOnly = resourceRule('SQS1002', 'FIFO-only property on a standard SQS queue', [], (_ctx, r, out) => {
  const q = entryFact(queueFacts, r, queueOf);
  if (q?.fifo !== false) return;
  for (const k of FIFO_ONLY) {
    const p = getPair(q.props, k);
    if (!p) continue;
    // `ContentBasedDeduplication: false` says nothing a standard queue contradicts.
    if (k === 'ContentBasedDeduplication' && bool(p.value) === false) continue;
    out.push({
      message: `${k} applies only to FIFO queues, and this queue is a standard queue (FifoQueue is not true); SQS rejects it. Remove it, or add 'FifoQueue: true'.`,
      start: p.key.start,
      end: p.key.end,
      data: { fix: 'deletePair', start: p.start, end: p.end, key: k },
    });
  }
});

export const sqsFifoRules: Rule[] = [sqsFifoName, sqsFifoOnly];
