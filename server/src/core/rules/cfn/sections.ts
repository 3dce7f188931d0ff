import { SECTIONS } from '../../cfn/vocabulary';
import { get, intrinsicName, isMap, isScalar, isSeq, keyText, str, type Node, type Pair } from '../../document/nodes';
import { closest, didYouMean } from '../../suggest';
import { cfnRule } from '../define';
import type { RawFinding } from '../types';

const SHAPE_LABEL = { map: 'a mapping', string: 'a string', stringOrList: 'a string or a list', any: '' };

export const unknownSection = cfnRule('CFN1001', 'Unknown top-level section', ['E1001'], ({ doc, root, kind }) => {
  const out: RawFinding[] = [];
  // The sections as written: other rules read a misspelled one under its intended name.
  const written = isMap(doc.root) ? doc.root : root;
  for (const p of written.pairs) {
    const k = String(p.key.value ?? '');
    if (k in SECTIONS && (k !== 'Globals' || kind === 'sam')) continue;
    const names = Object.keys(SECTIONS).filter((s) => s !== 'Globals' || kind === 'sam');
    const cands = closest(k, names, 2);
    out.push({
      message: `'${k}' is not a CloudFormation template section.${didYouMean(cands)}${cands.length ? '' : ` Sections are ${names.join(', ')}.`}`,
      start: p.key.start,
      end: p.key.end,
      path: [k],
      data: cands.length ? { fix: 'replace', start: p.key.start, end: p.key.end, candidates: cands } : { fix: 'deletePair', start: p.start, end: p.end, key: k },
    });
  }
  return out;
});

export const resourcesRequired = cfnRule('CFN1002', 'Resources section missing or empty', ['E1001'], ({ root }) => {
  const pair = root.pairs.find((p) => p.key.value === 'Resources');
  if (!pair) {
    const near = root.pairs.find((p) => closest(String(p.key.value ?? ''), ['Resources'], 1).length);
    if (near) return []; // CFN1001 already suggests the rename
    return [{ message: "A template needs a 'Resources' section with at least one resource.", start: root.start, end: Math.min(root.end, root.pairs[0]?.key.end ?? root.start) }];
  }
  if (isMap(pair.value) && pair.value.pairs.length === 0) {
    return [{ message: "'Resources' is empty; CloudFormation needs at least one resource to create a stack.", start: pair.key.start, end: pair.key.end, severity: 'warning' }];
  }
  return [];
});

const TRANSFORM_KEYS = ['Name', 'Parameters'];

/** Transform: a name, a list of names or `{Name, Parameters}` mappings, or one such mapping. */
function transformShape(p: Pair, out: RawFinding[]): void {
  const v = p.value;
  const what = "'Transform' takes a transform name, a list of them, or a mapping with Name (and Parameters)";
  if (isScalar(v)) {
    if (v.value === null) out.push({ message: `${what}, but it is empty. Name the transform, or remove the section.`, start: p.key.start, end: p.key.end, path: ['Transform'] });
    return;
  }
  for (const item of isSeq(v) ? v.items : [v]) {
    if (!isMap(item) || intrinsicName(item)) continue;
    if (!get(item, 'Name')) out.push({ message: `${what}: this mapping has no Name.`, start: item === v ? p.key.start : item.start, end: item === v ? p.key.end : item.start + 1, path: ['Transform'] });
    for (const q of item.pairs) {
      const k = keyText(q);
      if (TRANSFORM_KEYS.includes(k)) continue;
      const cands = closest(k, TRANSFORM_KEYS, 2);
      out.push({
        message: `'${k}' is not a key of a transform; it takes Name and Parameters.${didYouMean(cands)}`,
        start: q.key.start,
        end: q.key.end,
        path: ['Transform', k],
        data: cands.length ? { fix: 'replace', start: q.key.start, end: q.key.end, candidates: cands } : undefined,
      });
    }
  }
}

export const sectionShape = cfnRule('CFN1003', 'Section value has the wrong shape', ['E1001', 'E1004', 'E1005'], ({ root }) => {
  const out: RawFinding[] = [];
  for (const p of root.pairs) {
    const k = String(p.key.value ?? '');
    if (k === 'Transform') transformShape(p, out);
    const shape = SECTIONS[k];
    if (!shape || shape === 'any') continue;
    if (!matches(p.value, shape)) {
      out.push({ message: `'${k}' must be ${SHAPE_LABEL[shape]}${describe(p.value)}.`, start: p.key.start, end: p.key.end, path: [k] });
    }
  }
  return out;
});

export const formatVersion = cfnRule('CFN1004', "AWSTemplateFormatVersion is not '2010-09-09'", ['E1001'], ({ root }) => {
  const p = root.pairs.find((x) => x.key.value === 'AWSTemplateFormatVersion');
  if (!p || !isScalar(p.value)) return [];
  const v = str(p.value);
  if (v === '2010-09-09') return [];
  return [{
    message: `AWSTemplateFormatVersion must be '2010-09-09' (the only version there is), not '${v ?? ''}'.`,
    start: p.value.start,
    end: p.value.end,
    data: { fix: 'replace', start: p.value.start, end: p.value.end, candidates: ['2010-09-09'] },
  }];
});

export const descriptionLength = cfnRule('CFN1005', 'Template description longer than 1,024 bytes', ['E1003'], ({ root }) => {
  const p = root.pairs.find((x) => x.key.value === 'Description');
  const v = str(p?.value);
  if (!p || v === undefined || Buffer.byteLength(v, 'utf8') <= 1024) return [];
  return [{ message: `The template Description is ${Buffer.byteLength(v, 'utf8')} bytes; CloudFormation allows at most 1,024. Shorten it.`, start: p.key.start, end: p.key.end }];
});

function matches(n: Node, shape: 'map' | 'string' | 'stringOrList'): boolean {
  if (shape === 'map') return isMap(n);
  if (shape === 'string') return isScalar(n) && n.value !== null;
  return isScalar(n) || isSeq(n);
}

export function describe(n: Node): string {
  if (isScalar(n)) return n.value === null ? ', but it is empty' : `, not the ${typeof n.value} '${String(n.value)}'`;
  return isSeq(n) ? ', not a list' : ', not a mapping';
}

export const sectionRules = [unknownSection, resourcesRequired, sectionShape, formatVersion, descriptionLength];
