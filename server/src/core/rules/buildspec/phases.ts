/** Phases and their commands: names, shapes, and the YAML slips that turn a command into something else. */
import type { TemplateDocument } from '../../document/model';
import { get, getPair, isMap, isScalar, isSeq, keyText, type MapNode, type Node, type Pair } from '../../document/nodes';
import { eol, indentBefore, lineOf, oneLine } from '../../document/text';
import { PHASES, RUNTIMES } from '../../schema/buildspec';
import { closest, didYouMean } from '../../suggest';
import { describeNode } from '../appspec/structure';
import { kindRule, replaceFinding } from '../define';
import { quoteNodeText, reindent, scalarToList, wholeLines } from '../textFixes';
import type { FixData, RawFinding, Rule } from '../types';
import { BUILDSPEC, isPhase, phasePairs } from './context';

export const buildspecNoPhases = kindRule(BUILDSPEC, 'BUILDSPEC1008', "Buildspec without 'phases'", [], ({ root }) => {
  if (getPair(root, 'phases') || getPair(root, 'batch')) return [];
  const version = get(root, 'version');
  if (isScalar(version) && /^0(\.0)?$/.test(String(version.value))) return []; // the retired format: BUILDSPEC1002 says it all
  // `phase:` or `Phases:` is reported with its fix by the unknown-key rule.
  if (root.pairs.some((p) => keyText(p) !== 'phases' && closest(keyText(p), ['phases'], 1).length)) return [];
  const at = getPair(root, 'version')?.key ?? root.pairs[0]?.key ?? root;
  return [{
    message: "A buildspec needs 'phases' with at least one of install, pre_build, build, post_build and their commands; without it the build has nothing to run. (A batch-only buildspec uses 'batch' instead.)",
    start: at.start,
    end: at.end,
  }];
});

export const buildspecUnknownPhase = kindRule(BUILDSPEC, 'BUILDSPEC1009', 'Unknown build phase', [], ({ doc, root }) => {
  const { pairs } = phasePairs(root);
  const present = new Set(pairs.map(keyText));
  const free = PHASES.filter((p) => !present.has(p));
  const out: RawFinding[] = [];
  for (const [i, p] of pairs.entries()) {
    const k = keyText(p);
    if (isPhase(p) || k === 'runtime-versions') continue;
    if (PHASE_KEYS.includes(k)) {
      // `commands:` written at the indentation of the phases: it was meant for the phase above.
      // Only the phase right above can take it: indenting joins the block to the entry before it.
      const prev = i > 0 && isPhase(pairs[i - 1]) ? pairs[i - 1] : undefined;
      out.push({
        message: `'${k}' is written at the level of the phases, so CodeBuild reads it as a phase named '${k}' and never runs it. Indent it under ${prev ? `the ${keyText(prev)} phase` : 'a phase'}.`,
        start: p.key.start,
        end: p.key.end,
        data: prev ? indentUnder(doc, prev, p) : undefined,
      });
      continue;
    }
    const near = closest(k, PHASES, 2).filter((c) => !present.has(c));
    const cands = near.length ? near : free;
    out.push({
      message: `'${k}' is not a build phase, so its commands never run.${didYouMean(near)} CodeBuild runs only install, pre_build, build and post_build (in that order)${near.length ? '' : `; move these commands into one of them${k.toLowerCase().includes('deploy') || k.toLowerCase().includes('test') ? ' (post_build or build is the usual place)' : ''}`}.`,
      start: p.key.start,
      end: p.key.end,
      data: cands.length ? { fix: 'replace', start: p.key.start, end: p.key.end, candidates: cands } : undefined,
    });
  }
  return out;
});

/** Keys that belong inside a phase. */
const PHASE_KEYS = ['commands', 'finally', 'run-as', 'on-failure'];

/** Edits that indent `pair` (a block at the phases level) so it becomes an entry of `phase`. */
function indentUnder(doc: TemplateDocument, phase: Pair, pair: Pair): FixData | undefined {
  if (doc.format === 'json') return undefined;
  const from = indentBefore(doc, pair.key.start);
  const phaseIndent = indentBefore(doc, phase.key.start);
  if (from === undefined || phaseIndent === undefined) return undefined;
  let to = phaseIndent.length + 2;
  if (isMap(phase.value)) {
    if (getPair(phase.value, keyText(pair))) return undefined; // the phase has one already: merge by hand
    const childIndent = phase.value.pairs[0] ? indentBefore(doc, phase.value.pairs[0].key.start) : undefined;
    if (childIndent === undefined) return undefined;
    to = childIndent.length;
  } else if (!(isScalar(phase.value) && phase.value.value === null)) {
    return undefined;
  }
  const block = wholeLines(doc, pair.key.start, pair.end);
  const moved = reindent(block.text, from.length, to);
  if (moved === undefined || to <= from.length) return undefined;
  return { fix: 'edits', title: `Indent '${keyText(pair)}' under '${keyText(phase)}'`, edits: [{ start: block.start, end: block.end, text: moved }] };
}

// ---------------------------------------------------------------------------------------------
// runtime-versions outside install

interface Misplaced {
  pair: Pair;
  where: string;
}

function misplacedRuntimeVersions(root: MapNode): Misplaced[] {
  const out: Misplaced[] = [];
  const top = getPair(root, 'runtime-versions');
  if (top) out.push({ pair: top, where: 'at the top level' });
  const { pairs } = phasePairs(root);
  for (const p of pairs) {
    if (keyText(p) === 'runtime-versions') out.push({ pair: p, where: "directly under 'phases'" });
    else if (keyText(p) !== 'install' && isMap(p.value)) {
      const rv = getPair(p.value, 'runtime-versions');
      if (rv) out.push({ pair: rv, where: `in the ${keyText(p)} phase` });
    }
  }
  return out;
}

/** Edits that cut the runtime-versions block and paste it as the first entry of the install phase. */
function moveToInstall(doc: TemplateDocument, root: MapNode, rv: Pair): FixData | undefined {
  if (doc.format === 'json') return undefined;
  const fromIndent = indentBefore(doc, rv.key.start);
  const phases = getPair(root, 'phases');
  if (fromIndent === undefined || !phases || !isMap(phases.value) || !phases.value.pairs.length) return undefined;
  const block = wholeLines(doc, rv.key.start, rv.end);
  const nl = eol(doc.text);
  const body = block.text.endsWith('\n') ? block.text : block.text + nl;
  const phaseIndent = indentBefore(doc, phases.value.pairs[0].key.start);
  if (phaseIndent === undefined || /\t/.test(phaseIndent + fromIndent)) return undefined;
  const install = getPair(phases.value, 'install');
  const cut = { start: block.start, end: block.end, text: '' };
  const title = "Move 'runtime-versions' into the install phase";
  if (!install) {
    const childIndent = phaseIndent.length + 2;
    const moved = reindent(body, fromIndent.length, childIndent);
    if (moved === undefined) return undefined;
    const at = lineOf(doc, phases.value.pairs[0].key.start).start;
    if (at >= block.start && at < block.end) return undefined;
    return { fix: 'edits', title, edits: [cut, { start: at, end: at, text: `${phaseIndent}install:${nl}${moved}` }] };
  }
  if (isMap(install.value)) {
    if (getPair(install.value, 'runtime-versions') || !install.value.pairs.length) return undefined; // two blocks to merge: by hand
    const childIndent = indentBefore(doc, install.value.pairs[0].key.start);
    if (childIndent === undefined) return undefined;
    const moved = reindent(body, fromIndent.length, childIndent.length);
    if (moved === undefined) return undefined;
    const at = lineOf(doc, install.value.pairs[0].key.start).start;
    return { fix: 'edits', title, edits: [cut, { start: at, end: at, text: moved }] };
  }
  if (isScalar(install.value) && install.value.value === null) {
    const installIndent = indentBefore(doc, install.key.start);
    if (installIndent === undefined) return undefined;
    const moved = reindent(body, fromIndent.length, installIndent.length + 2);
    if (moved === undefined) return undefined;
    const at = lineOf(doc, install.key.start).end;
    return { fix: 'edits', title, edits: [cut, { start: at, end: at, text: nl + moved.replace(/\r?\n$/, '') }] };
  }
  return undefined;
}

export const buildspecRuntimeVersionsPlace = kindRule(BUILDSPEC, 'BUILDSPEC1010', "'runtime-versions' outside the install phase", [], ({ doc, root }) => {
  return misplacedRuntimeVersions(root).map(({ pair, where }) => ({
    message: `'runtime-versions' is ${where}, but CodeBuild reads it only in the install phase (phases: install: runtime-versions:). Move it there.`,
    start: pair.key.start,
    end: pair.key.end,
    data: moveToInstall(doc, root, pair),
  }));
});

// ---------------------------------------------------------------------------------------------
// Commands

interface CommandList {
  phase: Pair;
  /** `commands` or `finally`. */
  pair: Pair;
}

function commandLists(root: MapNode): CommandList[] {
  const out: CommandList[] = [];
  for (const phase of phasePairs(root).pairs) {
    if (!isPhase(phase) || !isMap(phase.value)) continue;
    for (const k of ['commands', 'finally']) {
      const pair = getPair(phase.value, k);
      if (pair) out.push({ phase, pair });
    }
  }
  return out;
}

/** True when the text after a key up to the end of its line is only `:` and maybe a comment. */
function keyEndsLine(doc: TemplateDocument, key: { end: number }): boolean {
  const rest = doc.text.slice(key.end, lineOf(doc, key.end).end);
  return /^\s*:\s*(#.*)?$/.test(rest);
}

export const buildspecCommandsList = kindRule(BUILDSPEC, 'BUILDSPEC1011', 'Commands not written as a list', [], ({ doc, root }) => {
  const out: RawFinding[] = [];
  for (const phase of phasePairs(root).pairs) {
    if (!isPhase(phase)) continue;
    const v = phase.value;
    const name = keyText(phase);
    if (isSeq(v)) {
      const indent = indentBefore(doc, v.start);
      const ok = indent !== undefined && keyEndsLine(doc, phase.key) && lineOf(doc, v.start).line > lineOf(doc, phase.key.start).line;
      const at = lineOf(doc, phase.key.start).end;
      out.push({
        message: `The ${name} phase is a list, but a phase is a mapping: put the commands under 'commands:' (phases: ${name}: commands: - ...).`,
        start: phase.key.start,
        end: phase.key.end,
        data: ok ? { fix: 'edits', title: "Put the list under 'commands:'", edits: [{ start: at, end: at, text: `${eol(doc.text)}${indent}commands:` }] } : undefined,
      });
    } else if (isScalar(v) && v.value !== null) {
      const indent = indentBefore(doc, phase.key.start);
      let start = v.start;
      while (start > phase.key.end && /[ \t]/.test(doc.text[start - 1])) start--;
      const nl = eol(doc.text);
      const ok = indent !== undefined && oneLine(doc, v) && doc.format === 'yaml' && !/^[|>]/.test(doc.text.slice(v.start, v.end));
      out.push({
        message: `The ${name} phase holds ${describeNode(v)} directly; write it as a list under 'commands:'.`,
        start: phase.key.start,
        end: phase.key.end,
        data: ok ? { fix: 'edits', title: "Put the command under 'commands:'", edits: [{ start, end: v.end, text: `${nl}${indent}  commands:${nl}${indent}    - ${doc.text.slice(v.start, v.end)}` }] } : undefined,
      });
    }
  }
  for (const { phase, pair } of commandLists(root)) {
    const v = pair.value;
    if (isSeq(v) || (isScalar(v) && v.value === null)) continue;
    const edit = scalarToList(doc, pair.key.start, v);
    out.push({
      message: `'${keyText(pair)}' of the ${keyText(phase)} phase should be a list of commands, each on its own '- ' line, not ${describeNode(v)}.`,
      start: pair.key.start,
      end: pair.key.end,
      // A single text value may be taken as one command; a mapping never is.
      severity: isScalar(v) ? 'warning' : 'error',
      data: edit ? { fix: 'edits', title: 'Make it a one-item list', edits: [edit] } : undefined,
    });
  }
  return out;
});

export const buildspecCommandMap = kindRule(BUILDSPEC, 'BUILDSPEC1012', 'Command read as a mapping (contains ": ")', [], ({ doc, root }) => {
  const out: RawFinding[] = [];
  for (const { pair } of commandLists(root)) {
    if (!isSeq(pair.value)) continue;
    for (const item of pair.value.items) {
      if (!isMap(item)) continue;
      const edit = item.pairs.length === 1 && !isMap(item.pairs[0].value) && !isSeq(item.pairs[0].value) ? quoteNodeText(doc, item) : undefined;
      const written = oneLine(doc, item) ? doc.text.slice(item.start, item.end) : `${keyText(item.pairs[0])}: ...`;
      out.push({
        message: `YAML reads '${written.length > 60 ? written.slice(0, 57) + '...' : written}' as a mapping because of the ': ' in it, and CodeBuild fails with "Expected Commands[..] to be of string type". Quote the whole command.`,
        start: item.pairs[0].key.start,
        end: item.pairs[0].key.end,
        data: edit ? { fix: 'edits', title: 'Quote the command', edits: [edit] } : undefined,
      });
    }
  }
  return out;
});

/** Plain words YAML 1.1 (which CodeBuild's reader follows) turns into booleans. */
const YAML11_BOOL = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;

export const buildspecCommandValue = kindRule(BUILDSPEC, 'BUILDSPEC1013', 'Command item is empty or not text', [], ({ doc, root }) => {
  const out: RawFinding[] = [];
  for (const { pair } of commandLists(root)) {
    if (!isSeq(pair.value)) continue;
    for (const item of pair.value.items) {
      if (isMap(item)) continue; // BUILDSPEC1012
      if (isSeq(item)) {
        out.push({ message: 'This command is a nested list; each item of the list must be one command (text).', start: item.start, end: item.end });
        continue;
      }
      if (item.value === null) {
        out.push({ message: "Empty command item ('-' with nothing after it); remove it or write the command.", start: Math.max(item.start - 1, 0), end: Math.max(item.start, 1), severity: 'warning' });
        continue;
      }
      const notText = typeof item.value !== 'string' || (!item.quoted && YAML11_BOOL.test(String(item.value)));
      if (!notText) continue;
      const edit = quoteNodeText(doc, item);
      out.push({
        message: `YAML reads the command '${item.source ?? String(item.value)}' as a ${typeof item.value === 'number' ? 'number' : 'boolean'}, not text; quote it.`,
        start: item.start,
        end: item.end,
        data: edit ? { fix: 'edits', title: 'Quote the command', edits: [edit] } : undefined,
      });
    }
  }
  return out;
});

export const buildspecPhaseWithoutCommands = kindRule(BUILDSPEC, 'BUILDSPEC1014', 'Phase without commands', [], ({ root }) => {
  const out: RawFinding[] = [];
  for (const phase of phasePairs(root).pairs) {
    if (!isPhase(phase)) continue;
    const v = phase.value;
    const name = keyText(phase);
    if (isScalar(v) && v.value === null) {
      out.push({ message: `The ${name} phase is empty, so it does nothing; add 'commands:' or remove the phase.`, start: phase.key.start, end: phase.key.end, data: { fix: 'deletePair', start: phase.start, end: phase.end, key: name } });
      continue;
    }
    if (!isMap(v)) continue;
    if (name === 'install' && getPair(v, 'runtime-versions')) continue; // selecting runtimes is enough
    const cmds: Node | undefined = get(v, 'commands');
    const fin: Node | undefined = get(v, 'finally');
    const empty = (n: Node | undefined) => !n || (isScalar(n) && n.value === null) || (isSeq(n) && n.items.length === 0);
    if (!empty(cmds)) continue;
    const at = getPair(v, 'commands')?.key ?? phase.key;
    const onlyCommands = v.pairs.every((p) => keyText(p) === 'commands');
    out.push({
      message: empty(fin)
        ? `The ${name} phase has no commands, so it does nothing; add commands or remove the phase.`
        : `The ${name} phase has only 'finally' commands; put the main work under 'commands:'.`,
      start: at.start,
      end: at.end,
      data: empty(fin) && onlyCommands ? { fix: 'deletePair', start: phase.start, end: phase.end, key: name } : undefined,
    });
  }
  return out;
}, 'warning');

export const buildspecRuntimeVersions = kindRule(BUILDSPEC, 'BUILDSPEC1015', 'runtime-versions empty or naming an unknown runtime', [], ({ root }) => {
  const install = get(get(root, 'phases'), 'install');
  const rv = getPair(install, 'runtime-versions');
  if (!rv) return [];
  if ((isScalar(rv.value) && rv.value.value === null) || (isMap(rv.value) && rv.value.pairs.length === 0)) {
    return [{ message: "'runtime-versions' is empty; name at least one runtime (e.g. nodejs: 20) or remove it.", start: rv.key.start, end: rv.key.end, severity: 'error' }];
  }
  if (!isMap(rv.value)) return [];
  const out: RawFinding[] = [];
  for (const p of rv.value.pairs) {
    const k = keyText(p);
    if (RUNTIMES.includes(k)) continue;
    const cands = closest(k, RUNTIMES, 2);
    out.push(replaceFinding(p.key, `'${k}' is not a runtime CodeBuild can select.`, cands, ` Runtimes: ${RUNTIMES.join(', ')}. An unknown runtime fails the install phase.`));
  }
  return out;
}, 'warning');

export const phaseRules: Rule[] = [
  buildspecNoPhases,
  buildspecUnknownPhase,
  buildspecRuntimeVersionsPlace,
  buildspecCommandsList,
  buildspecCommandMap,
  buildspecCommandValue,
  buildspecPhaseWithoutCommands,
  buildspecRuntimeVersions,
];
