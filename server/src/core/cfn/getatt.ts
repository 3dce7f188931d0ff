/** What `Fn::GetAtt` may read, and how its argument names a resource and an attribute. */
import { isScalar, isSeq, str, type Node } from '../document/nodes';
import { resourceSpec } from '../schema/cfnSpec';
import { registryType } from '../schema/registry';
import { SAM_TYPES } from '../schema/sam';
import { isCustomType, isModuleType } from './vocabulary';

/** The attributes GetAtt may read on a type; undefined when any name is fine (custom resources, modules). */
export function attributesOf(type: string | undefined): string[] | undefined {
  if (!type || isCustomType(type) || isModuleType(type)) return undefined;
  const sam = SAM_TYPES[type];
  if (sam) {
    if (!sam.attributesFrom) return undefined;
    return sam.attributesFrom.flatMap((t) => attributesOfCfn(t) ?? []);
  }
  return attributesOfCfn(type);
}

/**
 * The registry's read-only properties are the attributes; older types also answer to names only
 * the CloudFormation resource specification lists (`AWS::SQS::Queue.QueueName`), so both count.
 */
function attributesOfCfn(type: string): string[] | undefined {
  const reg = registryType(type);
  const spec = resourceSpec(type);
  if (!reg && !spec) return undefined;
  return [...new Set([...(reg?.readOnly ?? []), ...Object.keys(spec?.a ?? {})])];
}

/** `Res.Attr` (one scalar) or `[Res, Attr]`: the nodes and names of both parts. */
export function getAttParts(arg: Node): { res?: Node; resName?: string; attr?: Node; attrName?: string } | undefined {
  if (isScalar(arg)) {
    const s = str(arg);
    if (s === undefined) return undefined;
    const dot = s.indexOf('.');
    if (dot < 0) return { res: arg, resName: s };
    return { res: arg, resName: s.slice(0, dot), attr: arg, attrName: s.slice(dot + 1) };
  }
  if (isSeq(arg) && arg.items.length === 2) {
    const [r, a] = arg.items;
    return { res: r, resName: str(r), attr: a, attrName: isScalar(a) ? str(a) : undefined };
  }
  return undefined;
}
