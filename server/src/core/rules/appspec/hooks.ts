/**
 * Hooks: which lifecycle events may carry scripts or functions on each platform, the shape of the
 * section, and the scripts of EC2/on-premises events (location, timeout, runas).
 */
import type { TemplateDocument } from '../../document/model';
import { get, getPair, isMap, isScalar, isSeq, keyText, type MapNode, type Node, type Pair, type ScalarNode, type SeqNode } from '../../document/nodes';
import { eol, indentBefore, oneLine } from '../../document/text';
import { EVENTS, PLATFORM_LABEL, scriptableHooks, type AppspecPlatform } from '../../schema/appspec';
import { closest, didYouMean } from '../../suggest';
import { kindRule, replaceFinding } from '../define';
import { isPlaceholder, mappingToListItem, mappingToListOfPairs } from '../textFixes';
import type { FixData, RawFinding, Rule } from '../types';
import { APPSPEC, hooksPair, isWindows, platformOf } from './context';
import { describeNode } from './structure';

/** The platform hooks are checked against: a list of hooks without Resources is read as ECS (its hooks include Lambda's). */
function hookPlatform(root: MapNode): AppspecPlatform | undefined {
  const p = platformOf(root);
  if (p) return p;
  const h = hooksPair(root, 'ecs');
  return h && isSeq(h.value) ? 'ecs' : undefined;
}

interface HookRef {
  name: string;
  key: ScalarNode;
  pair: Pair;
  /** The list item holding the hook (ECS/Lambda). */
  item?: MapNode;
}

/** Every hook name written in the file, for the platform's section shape. */
function hookRefs(root: MapNode, platform: AppspecPlatform): HookRef[] {
  const h = hooksPair(root, platform);
  if (!h) return [];
  if (platform === 'server') {
    return isMap(h.value) ? h.value.pairs.map((p) => ({ name: keyText(p), key: p.key, pair: p })) : [];
  }
  if (!isSeq(h.value)) return isMap(h.value) ? h.value.pairs.map((p) => ({ name: keyText(p), key: p.key, pair: p })) : [];
  return h.value.items.flatMap((it) => (isMap(it) ? it.pairs.map((p) => ({ name: keyText(p), key: p.key, pair: p, item: it })) : []));
}

// ---------------------------------------------------------------------------------------------

export const appspecHooksShape = kindRule(APPSPEC, 'APPSPEC1013', "'hooks' section has the wrong shape for the platform", [], (ctx) => {
  const platform = hookPlatform(ctx.root);
  if (!platform) return [];
  const h = hooksPair(ctx.root, platform);
  if (!h || (isScalar(h.value) && h.value.value === null)) return [];
  return platform === 'server' ? serverShape(ctx.doc, h) : functionShape(ctx.doc, h, platform);
});

function serverShape(doc: TemplateDocument, h: Pair): RawFinding[] {
  if (isSeq(h.value)) {
    return [{
      message: "On EC2/on-premises, 'hooks' is a mapping from event name to a list of scripts (`AfterInstall:` then `- location: ...`), not a list. A list of `Event: function` items is the ECS/Lambda form.",
      start: h.key.start,
      end: h.key.end,
    }];
  }
  if (!isMap(h.value)) return [{ message: `'hooks' must be a mapping from event name to a list of scripts, not ${describeNode(h.value)}.`, start: h.key.start, end: h.key.end }];
  const out: RawFinding[] = [];
  for (const ev of h.value.pairs) {
    const v = ev.value;
    const name = keyText(ev);
    if (isSeq(v)) continue;
    if (isScalar(v) && v.value === null) {
      out.push({ message: `'${name}' lists no scripts; the agent fails on an empty event. Add '- location: script' or remove the event.`, start: ev.key.start, end: ev.key.end, data: { fix: 'deletePair', start: ev.start, end: ev.end, key: name } });
      continue;
    }
    let data: FixData | undefined;
    if (isMap(v)) {
      const edits = mappingToListItem(doc, v);
      if (edits) data = { fix: 'edits', title: `Make the script of '${name}' a list item`, edits };
    } else if (isScalar(v) && typeof v.value === 'string' && oneLine(doc, v) && doc.format === 'yaml') {
      const indent = indentBefore(doc, ev.key.start);
      if (indent !== undefined) {
        let start = v.start;
        while (start > ev.key.end && /[ \t]/.test(doc.text[start - 1])) start--;
        data = { fix: 'edits', title: `Write '${v.value}' as '- location: ${v.value}'`, edits: [{ start, end: v.end, text: `${eol(doc.text)}${indent}  - location: ${doc.text.slice(v.start, v.end)}` }] };
      }
    }
    out.push({
      message: `'${name}' must be a list of scripts, each starting with '- ' (e.g. '- location: scripts/${name.toLowerCase()}.sh'), not ${describeNode(v)}.`,
      start: ev.key.start,
      end: ev.key.end,
      data,
    });
  }
  return out;
}

function functionShape(doc: TemplateDocument, h: Pair, platform: AppspecPlatform): RawFinding[] {
  const label = PLATFORM_LABEL[platform];
  if (isMap(h.value)) {
    const edits = mappingToListOfPairs(doc, h.value);
    return [{
      message: `In an ${label} AppSpec file, '${keyText(h)}' is a list of one-key items ('- BeforeAllowTraffic: MyFunction'), not a mapping.`,
      start: h.key.start,
      end: h.key.end,
      data: edits ? { fix: 'edits', title: 'Make each hook a list item', edits } : undefined,
    }];
  }
  if (!isSeq(h.value)) return [{ message: `'${keyText(h)}' must be a list of '- Event: FunctionName' items, not ${describeNode(h.value)}.`, start: h.key.start, end: h.key.end }];
  const out: RawFinding[] = [];
  for (const it of h.value.items) {
    if (!isMap(it)) {
      out.push({ message: `Each hook is a one-key item '- Event: FunctionName', not ${describeNode(it)}.`, start: it.start, end: Math.max(it.end, it.start + 1) });
      continue;
    }
    if (it.pairs.length > 1) {
      out.push({
        message: `This item names ${it.pairs.length} hooks; write one hook per list item ('- ${keyText(it.pairs[1])}: ...' on its own line).`,
        start: it.pairs[1].key.start,
        end: it.pairs[1].key.end,
        data: splitItem(doc, it),
      });
    }
  }
  return out;
}

/** `- A: f\n  B: g` → `- A: f\n- B: g`: the two spaces before each further key become a dash. */
function splitItem(doc: TemplateDocument, it: MapNode): FixData | undefined {
  if (doc.format === 'json') return undefined;
  const edits = [];
  for (const p of it.pairs.slice(1)) {
    const indent = indentBefore(doc, p.key.start);
    if (indent === undefined || !indent.endsWith('  ') || !oneLine(doc, p)) return undefined;
    edits.push({ start: p.key.start - 2, end: p.key.start, text: '- ' });
  }
  return { fix: 'edits', title: 'Put each hook in its own list item', edits };
}

// ---------------------------------------------------------------------------------------------

/** The hook nearest in meaning on another platform, for EC2 names used in ECS/Lambda files. */
const NEAREST: Record<'ecs' | 'lambda', Record<string, string[]>> = {
  ecs: {
    ApplicationStop: ['BeforeInstall'],
    ApplicationStart: ['AfterInstall'],
    ValidateService: ['AfterAllowTestTraffic', 'AfterAllowTraffic'],
    BeforeBlockTraffic: ['BeforeAllowTraffic'],
    AfterBlockTraffic: ['AfterAllowTraffic'],
  },
  lambda: {
    ApplicationStop: ['BeforeAllowTraffic'],
    BeforeInstall: ['BeforeAllowTraffic'],
    AfterInstall: ['BeforeAllowTraffic'],
    ApplicationStart: ['BeforeAllowTraffic'],
    AfterAllowTestTraffic: ['BeforeAllowTraffic'],
    ValidateService: ['AfterAllowTraffic'],
    BeforeBlockTraffic: ['BeforeAllowTraffic'],
    AfterBlockTraffic: ['AfterAllowTraffic'],
  },
};

function otherPlatformsOf(name: string, platform: AppspecPlatform): AppspecPlatform[] {
  return (['server', 'ecs', 'lambda'] as const).filter((p) => p !== platform && EVENTS[p][name] && !EVENTS[p][name].reserved);
}

export const appspecHookName = kindRule(APPSPEC, 'APPSPEC1014', 'Hook not available on this platform', [], ({ root }) => {
  const platform = hookPlatform(root);
  if (!platform) return [];
  const valid = scriptableHooks(platform);
  const out: RawFinding[] = [];
  for (const ref of hookRefs(root, platform)) {
    if (EVENTS[platform][ref.name]) continue; // valid, or reserved (next rule)
    if (Object.values(EVENTS).some((t) => t[ref.name]?.reserved)) continue;
    const elsewhere = otherPlatformsOf(ref.name, platform);
    const meaning = platform !== 'server' ? NEAREST[platform][ref.name] ?? [] : [];
    const cands = meaning.length ? meaning : closest(ref.name, valid, 3);
    const where = PLATFORM_LABEL[platform];
    const runs = platform === 'server' ? 'the agent never runs scripts listed under it' : 'CodeDeploy never calls it';
    if (elsewhere.length) {
      out.push(replaceFinding(ref.key, `'${ref.name}' is an ${elsewhere.map((p) => PLATFORM_LABEL[p]).join(' and ')} hook; ${where} deployments do not have it, so ${runs}.`, cands, ` ${where} hooks: ${valid.join(', ')}.`));
    } else {
      const caseOnly = valid.find((v) => v.toLowerCase() === ref.name.toLowerCase());
      out.push({
        message: `'${ref.name}' is not a lifecycle event, so ${runs}.${didYouMean(caseOnly ? [caseOnly] : cands)} ${where} hooks: ${valid.join(', ')}.`,
        start: ref.key.start,
        end: ref.key.end,
        // Close to a real event: surely a typo. Otherwise maybe a custom event of a test agent.
        severity: cands.length ? 'error' : 'warning',
        data: cands.length ? { fix: 'replace', start: ref.key.start, end: ref.key.end, candidates: caseOnly ? [caseOnly] : cands } : undefined,
      });
    }
  }
  return out;
});

export const appspecReservedHook = kindRule(APPSPEC, 'APPSPEC1015', 'Reserved lifecycle event used as a hook', [], ({ root }) => {
  const platform = hookPlatform(root);
  if (!platform) return [];
  const out: RawFinding[] = [];
  for (const ref of hookRefs(root, platform)) {
    const ev = EVENTS[platform][ref.name] ?? Object.values(EVENTS).map((t) => t[ref.name]).find((e) => e?.reserved);
    if (!ev?.reserved) continue;
    const instead = (ev.instead ?? []).filter((n) => EVENTS[platform][n] && !EVENTS[platform][n].reserved);
    out.push({
      message: `'${ref.name}' is a step CodeDeploy performs itself; no ${platform === 'server' ? 'script' : 'function'} can run during it.${instead.length ? ` Use ${instead.map((n) => `'${n}'`).join(' or ')} to run just ${instead.length > 1 ? 'before or after it' : 'around it'}.` : ''}`,
      start: ref.key.start,
      end: ref.key.end,
      data: instead.length ? { fix: 'replace', start: ref.key.start, end: ref.key.end, candidates: instead } : undefined,
    });
  }
  return out;
});

export const appspecDuplicateHook = kindRule(APPSPEC, 'APPSPEC1022', 'Same lifecycle event listed twice', [], ({ root }) => {
  const platform = hookPlatform(root);
  if (!platform || platform === 'server') return []; // duplicate mapping keys are DOC1002
  const seen = new Map<string, HookRef>();
  const out: RawFinding[] = [];
  for (const ref of hookRefs(root, platform)) {
    const first = seen.get(ref.name);
    if (!first) {
      seen.set(ref.name, ref);
      continue;
    }
    out.push({
      message: `'${ref.name}' is listed more than once; each lifecycle event takes one function. Keep one entry (a function can call others).`,
      start: ref.key.start,
      end: ref.key.end,
    });
  }
  return out;
}, 'warning');

// ---------------------------------------------------------------------------------------------
// EC2/on-premises scripts

interface ScriptRef {
  event: Pair;
  list: SeqNode;
  item: Node;
}

function serverScripts(root: MapNode): ScriptRef[] {
  if (platformOf(root) !== 'server') return [];
  const h = getPair(root, 'hooks');
  if (!h || !isMap(h.value)) return [];
  return h.value.pairs.flatMap((ev) => (isSeq(ev.value) ? ev.value.items.map((item) => ({ event: ev, list: ev.value as SeqNode, item })) : []));
}

export const appspecScriptLocation = kindRule(APPSPEC, 'APPSPEC1016', "Hook script without 'location'", [], ({ doc, root }) => {
  const out: RawFinding[] = [];
  for (const s of serverScripts(root)) {
    const ev = keyText(s.event);
    const it = s.item;
    if (isScalar(it) && typeof it.value === 'string' && it.value.trim()) {
      out.push({
        message: `Each script under '${ev}' is a mapping with 'location:', not a bare path; the agent fails on '${it.value}'. Write '- location: ${it.value}'.`,
        start: it.start,
        end: it.end,
        data: doc.format === 'yaml' && !it.quoted ? { fix: 'edits', title: `Write 'location: ${it.value}'`, edits: [{ start: it.start, end: it.start, text: 'location: ' }] } : undefined,
      });
      continue;
    }
    if (!isMap(it)) {
      out.push({ message: `Each script under '${ev}' needs 'location:' (path of the script in the bundle), not ${describeNode(it)}.`, start: it.start, end: Math.max(it.end, it.start + 1) });
      continue;
    }
    const loc = getPair(it, 'location');
    if (loc && !(isScalar(loc.value) && (loc.value.value === null || String(loc.value.value).trim() === ''))) continue;
    const at = loc?.key ?? it.pairs[0]?.key ?? it;
    out.push({
      message: loc
        ? `'location' under '${ev}' is empty; give the path of the script in the bundle (e.g. scripts/${ev.toLowerCase()}.sh).`
        : `A script under '${ev}' has no 'location'; the agent fails the deployment. Add 'location: <path of the script in the bundle>'.`,
      start: at.start,
      end: at.end,
    });
  }
  return out;
});

const MAX_EVENT_SECONDS = 3600;

/** A timeout as the agent reads it: an integer, also when written as text ("10"). */
function timeoutSeconds(n: Node): number | undefined {
  if (!isScalar(n)) return undefined;
  if (typeof n.value === 'number') return Number.isInteger(n.value) ? n.value : undefined;
  if (typeof n.value === 'string' && /^\s*\d+\s*$/.test(n.value)) return Number(n.value);
  return undefined;
}

export const appspecTimeout = kindRule(APPSPEC, 'APPSPEC1017', 'Script timeout invalid or over 3600 seconds per event', [], ({ root }) => {
  const out: RawFinding[] = [];
  const totals = new Map<Pair, { sum: number; count: number }>();
  for (const s of serverScripts(root)) {
    const t = isMap(s.item) ? get(s.item, 'timeout') : undefined;
    if (!t || (isScalar(t) && t.value === null) || isPlaceholder(t)) continue;
    const secs = timeoutSeconds(t);
    if (secs === undefined || secs <= 0) {
      out.push({ message: `Timeout must be a whole number of seconds above 0 (at most ${MAX_EVENT_SECONDS}), not ${describeNode(t)}; the agent fails the deployment.`, start: t.start, end: t.end });
      continue;
    }
    if (secs > MAX_EVENT_SECONDS) {
      out.push({
        message: `Timeout ${secs} s is above the limit of ${MAX_EVENT_SECONDS} s (one hour) for all scripts of an event together.`,
        start: t.start,
        end: t.end,
        data: { fix: 'replace', start: t.start, end: t.end, candidates: [String(MAX_EVENT_SECONDS)] },
      });
      continue;
    }
    const cur = totals.get(s.event) ?? { sum: 0, count: 0 };
    totals.set(s.event, { sum: cur.sum + secs, count: cur.count + 1 });
  }
  for (const [ev, { sum, count }] of totals) {
    if (sum <= MAX_EVENT_SECONDS || count < 2) continue;
    out.push({
      message: `The scripts of '${keyText(ev)}' have timeouts adding up to ${sum} s; one event may take at most ${MAX_EVENT_SECONDS} s in total, and the deployment fails on the instance when they run that long. Lower the timeouts or move work to another event.`,
      start: ev.key.start,
      end: ev.key.end,
    });
  }
  return out;
});

export const appspecRunasWindows = kindRule(APPSPEC, 'APPSPEC1018', "'runas' in a Windows AppSpec file", [], ({ root }) => {
  if (!isWindows(root)) return [];
  const out: RawFinding[] = [];
  for (const s of serverScripts(root)) {
    const p = isMap(s.item) ? getPair(s.item, 'runas') : undefined;
    if (!p) continue;
    out.push({
      message: "'runas' applies only to Linux instances; on Windows the script runs as the agent's account whatever this says.",
      start: p.key.start,
      end: p.key.end,
      data: { fix: 'deletePair', start: p.start, end: p.end, key: 'runas' },
    });
  }
  return out;
}, 'warning');

export const appspecLocationOutside = kindRule(APPSPEC, 'APPSPEC1019', 'Script location points outside the revision', [], ({ root }) => {
  const out: RawFinding[] = [];
  for (const s of serverScripts(root)) {
    const loc = isMap(s.item) ? get(s.item, 'location') : undefined;
    if (!isScalar(loc) || typeof loc.value !== 'string') continue;
    const parts = loc.value.trim().split(/[\\/]+/);
    let depth = 0;
    let escapes = false;
    for (const part of parts) {
      if (part === '..') depth--;
      else if (part && part !== '.') depth++;
      if (depth < 0) escapes = true;
    }
    if (!escapes) continue;
    out.push({
      message: `Location '${loc.value}' climbs out of the revision bundle; script locations are relative to the bundle root, and recent agents refuse paths outside it. Put the script in the bundle.`,
      start: loc.start,
      end: loc.end,
    });
  }
  return out;
}, 'warning');

export const hookRules: Rule[] = [appspecHooksShape, appspecHookName, appspecReservedHook, appspecScriptLocation, appspecTimeout, appspecRunasWindows, appspecLocationOutside, appspecDuplicateHook];
