import { matchesAllowedPattern } from '../../userPattern';
import { templateIndex } from '../../cfn/template';
import { allParameterTypes, PARAMETER_KEYS, validParameterType } from '../../cfn/vocabulary';
import { get, getPair, intrinsicName, isMap, isScalar, isSeq, str, type Node } from '../../document/nodes';
import { closest, didYouMean } from '../../suggest';
import { cfnRule, replaceFinding } from '../define';
import type { RawFinding, RuleContext } from '../types';

function eachParameter(ctx: RuleContext, fn: (name: string, body: Node, out: RawFinding[]) => void): RawFinding[] {
  const out: RawFinding[] = [];
  for (const [name, p] of templateIndex(ctx.doc, ctx.root).parameters) fn(name, p.value, out);
  return out;
}

export const parameterType = cfnRule('CFN2001', 'Parameter Type missing or not valid', ['E2001', 'E2002'], (ctx) => {
  return eachParameter(ctx, (name, body, out) => {
    if (!isMap(body)) {
      out.push({ message: `Parameter '${name}' must be a mapping with at least a Type.`, start: body.start, end: body.end });
      return;
    }
    const tp = getPair(body, 'Type');
    if (!tp) {
      const key = ctx.root.pairs.find((p) => p.key.value === 'Parameters');
      const pair = isMap(key?.value) ? key.value.pairs.find((p) => p.key.value === name) : undefined;
      out.push({ message: `Parameter '${name}' has no Type. Add 'Type: String' (or Number, CommaDelimitedList, an AWS-specific type).`, start: pair?.key.start ?? body.start, end: pair?.key.end ?? body.start });
      return;
    }
    const t = str(tp.value);
    if (t === undefined || !validParameterType(t)) {
      const cands = t ? closest(t, allParameterTypes(), 2) : [];
      out.push(replaceFinding(tp.value, `'${t ?? ''}' is not a valid parameter Type.`, cands, `${cands.length ? '' : ' Use String, Number, List<Number>, CommaDelimitedList, an AWS-specific type such as AWS::EC2::VPC::Id, or an SSM parameter type.'}`));
    }
  });
});

export const parameterDefault = cfnRule('CFN2002', 'Parameter Default breaks its own constraints', ['E2015'], (ctx) => {
  return eachParameter(ctx, (name, body, out) => {
    const dp = getPair(body, 'Default');
    if (!dp || !isScalar(dp.value) || dp.value.value === null) return;
    const type = str(get(body, 'Type')) ?? 'String';
    const isList = type.includes('List') || type === 'CommaDelimitedList';
    const raw = String(dp.value.value);
    const values = isList ? raw.split(',').map((s) => s.trim()) : [raw];
    const at = { start: dp.value.start, end: dp.value.end };
    const allowed = get(body, 'AllowedValues');
    if (isSeq(allowed) && allowed.items.every(isScalar)) {
      const set = allowed.items.map((i) => str(i) ?? '');
      for (const v of set.includes(raw) ? [] : values) {
        if (!set.includes(v)) {
          out.push({ ...at, message: `Default '${v}' of parameter '${name}' is not one of its AllowedValues (${set.join(', ')}).`, data: isList ? undefined : { fix: 'replace', ...at, candidates: set.slice(0, 5) } });
        }
      }
    }
    const pattern = str(get(body, 'AllowedPattern'));
    if (pattern !== undefined && !isList) {
      if (matchesAllowedPattern(pattern, raw) === false) out.push({ ...at, message: `Default '${raw}' of parameter '${name}' does not match its AllowedPattern ${pattern}.` });
    }
    const num = Number(raw);
    const minV = numberOf(get(body, 'MinValue'));
    const maxV = numberOf(get(body, 'MaxValue'));
    if (type === 'Number' && raw.trim() !== '' && !Number.isNaN(num)) {
      if (minV !== undefined && num < minV) out.push({ ...at, message: `Default ${raw} of parameter '${name}' is below its MinValue ${minV}.` });
      if (maxV !== undefined && num > maxV) out.push({ ...at, message: `Default ${raw} of parameter '${name}' is above its MaxValue ${maxV}.` });
    } else if (type === 'Number' && Number.isNaN(num)) {
      out.push({ ...at, message: `Default '${raw}' of Number parameter '${name}' is not a number.` });
    }
    const minL = numberOf(get(body, 'MinLength'));
    const maxL = numberOf(get(body, 'MaxLength'));
    if (type === 'String') {
      if (minL !== undefined && raw.length < minL) out.push({ ...at, message: `Default of parameter '${name}' is ${raw.length} characters, shorter than its MinLength ${minL}.` });
      if (maxL !== undefined && raw.length > maxL) out.push({ ...at, message: `Default of parameter '${name}' is ${raw.length} characters, longer than its MaxLength ${maxL}.` });
    }
  });
});

function numberOf(n: Node | undefined): number | undefined {
  const s = str(n);
  if (s === undefined || s.trim() === '') return undefined;
  const v = Number(s);
  return Number.isNaN(v) ? undefined : v;
}

export const parameterKeys = cfnRule('CFN2003', 'Unknown key in a parameter', ['E2001', 'E2003'], (ctx) => {
  return eachParameter(ctx, (name, body, out) => {
    if (!isMap(body)) return;
    for (const p of body.pairs) {
      const k = String(p.key.value ?? '');
      if (PARAMETER_KEYS.includes(k)) continue;
      const cands = closest(k, PARAMETER_KEYS, 2);
      out.push({
        message: `'${k}' is not a parameter property (in '${name}').${didYouMean(cands)}`,
        start: p.key.start,
        end: p.key.end,
        data: cands.length ? { fix: 'replace', start: p.key.start, end: p.key.end, candidates: cands } : { fix: 'deletePair', start: p.start, end: p.end, key: k },
      });
    }
  });
});

export const parameterNoIntrinsics = cfnRule('CFN2004', 'Intrinsic function inside a parameter definition', ['E2001'], (ctx) => {
  return eachParameter(ctx, (name, body, out) => {
    if (!isMap(body)) return;
    for (const p of body.pairs) {
      const fn = intrinsicName(p.value);
      if (fn) out.push({ message: `Parameter '${name}' uses ${fn} in '${String(p.key.value)}'; parameter definitions must be literal values.`, start: p.value.start, end: p.value.end });
    }
  });
});

export const parameterNames = cfnRule('CFN2005', 'Parameter name not alphanumeric, or too many parameters', ['E2003', 'E2010'], (ctx) => {
  const out: RawFinding[] = [];
  const params = templateIndex(ctx.doc, ctx.root).parameters;
  for (const [name, p] of params) {
    if (!/^[A-Za-z0-9]+$/.test(name)) out.push({ message: `Parameter name '${name}' must be alphanumeric (A–Z, a–z, 0–9).`, start: p.key.start, end: p.key.end });
  }
  if (params.size > 200) {
    const first = [...params.values()][200];
    out.push({ message: `The template has ${params.size} parameters; CloudFormation allows at most 200.`, start: first.key.start, end: first.key.end });
  }
  return out;
});

const KEY_SHAPES: Record<string, 'scalar' | 'list' | 'number' | 'integer' | 'boolean'> = {
  Default: 'scalar', AllowedValues: 'list', AllowedPattern: 'scalar', ConstraintDescription: 'scalar', Description: 'scalar',
  MaxLength: 'integer', MinLength: 'integer', MaxValue: 'number', MinValue: 'number', NoEcho: 'boolean', Type: 'scalar',
};
const SHAPE_TEXT = { scalar: 'a string', list: 'a list', number: 'a number', integer: 'a whole number', boolean: 'true or false' };

export const parameterValues = cfnRule('CFN2006', 'Parameter property has the wrong kind of value', ['E2001'], (ctx) => {
  return eachParameter(ctx, (name, body, out) => {
    if (!isMap(body)) return;
    const type = str(get(body, 'Type')) ?? 'String';
    for (const p of body.pairs) {
      const k = String(p.key.value ?? '');
      const shape = KEY_SHAPES[k];
      if (!shape || intrinsicName(p.value)) continue;
      const v = p.value;
      let ok: boolean;
      if (isScalar(v) && v.value === null) ok = false;
      else if (shape === 'list') ok = isSeq(v) && v.items.every((i) => isScalar(i) && i.value !== null);
      else if (!isScalar(v)) ok = false;
      else if (shape === 'number') ok = !Number.isNaN(Number(v.value)) && typeof v.value !== 'boolean';
      else if (shape === 'integer') ok = Number.isInteger(Number(v.value)) && typeof v.value !== 'boolean';
      else if (shape === 'boolean') ok = typeof v.value === 'boolean' || /^(true|false)$/i.test(String(v.value));
      else ok = true;
      if (!ok) {
        out.push({ message: `${k} of parameter '${name}' must be ${SHAPE_TEXT[shape]}${isScalar(v) && v.value === null ? ', but it is empty' : ''}.`, start: isScalar(v) && v.value === null ? p.key.start : v.start, end: isScalar(v) && v.value === null ? p.key.end : v.end });
      }
    }
    const stringOnly = ['MaxLength', 'MinLength', 'AllowedPattern'];
    const numberOnly = ['MaxValue', 'MinValue'];
    for (const p of body.pairs) {
      const k = String(p.key.value ?? '');
      const wrong = (type === 'Number' || type === 'List<Number>') && stringOnly.includes(k) ? 'String' : type !== 'Number' && type !== 'List<Number>' && numberOnly.includes(k) && !type.startsWith('AWS::SSM') ? 'Number' : undefined;
      if (wrong) out.push({ message: `${k} applies only to ${wrong} parameters; '${name}' is ${type}. Remove it or change the Type.`, start: p.key.start, end: p.key.end, data: { fix: 'deletePair', start: p.start, end: p.end, key: k } });
    }
  });
});

export const parameterRules = [parameterType, parameterDefault, parameterKeys, parameterNoIntrinsics, parameterNames, parameterValues];
