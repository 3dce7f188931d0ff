/**
 * ECS task definitions that require FARGATE (CFN5204). Fargate sizes the task, not the host: the
 * task definition needs task-level Cpu and Memory, and the awsvpc network mode (the default,
 * bridge, is refused). ECS rejects the registration otherwise, so the stack fails.
 */
import { get, getPair, intrinsicName, isMap, isScalar, isSeq, str } from '../../document/nodes';
import { resourceRule } from '../define';

export const fargateTaskDefinition = resourceRule('CFN5204', 'Fargate task definition without Cpu, Memory or the awsvpc network mode', ['E3048'], (_ctx, r, out) => {
  if (r.type !== 'AWS::ECS::TaskDefinition' || !isMap(r.properties) || intrinsicName(r.properties)) return;
  const props = r.properties;
  const compat = get(props, 'RequiresCompatibilities');
  if (!isSeq(compat) || !compat.items.some((i) => str(i) === 'FARGATE')) return;
  const missing = ['Cpu', 'Memory', 'NetworkMode'].filter((k) => !getPair(props, k));
  const propsKey = getPair(r.node, 'Properties')?.key;
  if (missing.length && propsKey) {
    out.push({
      message: `This task definition requires FARGATE, which needs task-level Cpu and Memory and NetworkMode awsvpc; ${missing.map((m) => `'${m}'`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing. Add ${missing.length === 1 ? 'it' : 'them'} (e.g. Cpu: 256, Memory: 512, NetworkMode: awsvpc).`,
      start: propsKey.start,
      end: propsKey.end,
      data: props.pairs.length ? { fix: 'addKeys', keys: missing, sibling: props.pairs[0].key.start, lastEnd: props.pairs[props.pairs.length - 1].end } : undefined,
    });
  }
  const mode = get(props, 'NetworkMode');
  if (isScalar(mode) && str(mode) !== undefined && str(mode) !== 'awsvpc') {
    out.push({
      message: `Fargate tasks use NetworkMode awsvpc, not '${str(mode)}'.`,
      start: mode.start,
      end: mode.end,
      data: { fix: 'replace', start: mode.start, end: mode.end, candidates: ['awsvpc'] },
    });
  }
});
