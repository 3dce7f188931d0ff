/** What `Fn::GetAtt` may read, and how its argument names a resource and an attribute. */
import { isScalar, isSeq, str, type Node } from '../document/nodes';
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
 * From the registry table: the read-only properties first (the resource's own attributes), then
 * the settable properties GetAtt also reads on older types (`AWS::SQS::Queue.QueueName`). Types the
 * table does not know accept any name: silence rather than a guess.
 */
function attributesOfCfn(type: string): string[] | undefined {
  const reg = registryType(type);
  if (!reg) return undefined;
  return [...(reg.readOnly ?? []), ...(reg.getAtt ?? [])];
}

/** Whether an attribute is one the resource itself produces (completion offers these first). */
export function isOwnAttribute(type: string | undefined, attr: string): boolean {
  if (!type) return false;
  const owners = SAM_TYPES[type] ? SAM_TYPES[type].attributesFrom ?? [] : [type];
  return owners.some((t) => registryType(t)?.readOnly?.includes(attr));
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
