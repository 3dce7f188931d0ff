/**
 * Route 53 record values written as literals (CFN5100): Route 53 refuses a change batch whose
 * ResourceRecords do not fit the record type (an A record holding a host name, an MX without its
 * priority), so the stack fails at deploy.
 */
import { isCidr } from '../../calc/cidr';
import { writtenText } from '../../cfn/literal';
import { get, getPair, isMap, isSeq, str, type Node } from '../../document/nodes';
import { resourceRule } from '../define';
import type { RawFinding } from '../types';

/** Record type → what a value must be, and a test for it. */
const FORMATS: Record<string, { what: string; ok: (v: string) => boolean }> = {
  A: { what: 'an IPv4 address (203.0.113.10)', ok: (v) => /^[0-9.]+$/.test(v) && isCidr(`${v.replace(/\b0+(\d)/g, '$1')}/32`) },
  AAAA: { what: 'an IPv6 address (2001:db8::10)', ok: (v) => /^[0-9a-fA-F:.]+$/.test(v) && v.includes(':') && isCidr(`${v}/128`) },
  MX: { what: "a priority from 0 to 65535 and a mail server ('10 mail.example.com')", ok: (v) => mx(v) },
  CAA: { what: 'a flag of 0 or 128, a tag and a quoted value (\'0 issue "amazon.com"\')', ok: (v) => /^(0|128) [a-zA-Z0-9]+ ".+"$/.test(v) },
  TXT: { what: 'text in double quotes, at most 255 characters per quoted string (\'"v=spf1 -all"\'; longer text as several strings, "part one" "part two")', ok: (v) => quotedStrings(v) },
  SPF: { what: 'text in double quotes, at most 255 characters per quoted string (\'"v=spf1 -all"\')', ok: (v) => quotedStrings(v) },
};

/** One or more `"..."` strings (backslash escapes inside), separated by spaces, none longer than 255 characters. */
function quotedStrings(v: string): boolean {
  const parts = /^(?:"(?:[^"\\]|\\.)*" *)+$/.test(v.trim()) ? v.trim().match(/"(?:[^"\\]|\\.)*"/g) : null;
  return !!parts && parts.every((p) => p.slice(1, -1).replace(/\\(\d{3}|.)/g, 'x').length <= 255);
}

function mx(v: string): boolean {
  const m = /^(\d{1,5}) (\S+)$/.exec(v);
  return !!m && Number(m[1]) <= 65535;
}

function checkRecordSet(set: Node, out: RawFinding[]): void {
  if (!isMap(set)) return;
  const typeNode = get(set, 'Type');
  const type = typeNode ? str(typeNode) : undefined;
  const f = type !== undefined && Object.hasOwn(FORMATS, type) ? FORMATS[type] : undefined;
  const records = getPair(set, 'ResourceRecords');
  if (type === 'CNAME' && records && isSeq(records.value) && records.value.items.length > 1) {
    out.push({
      message: `A CNAME record has exactly one value, and this one lists ${records.value.items.length}; Route 53 refuses the change. Keep one name (for several targets use A/AAAA records, an alias, or weighted records).`,
      start: records.key.start,
      end: records.key.end,
    });
  }
  if (!f || !records || !isSeq(records.value)) return;
  for (const item of records.value.items) {
    const v = writtenText(item);
    if (v === undefined || f.ok(v)) continue;
    out.push({
      message: `'${v}' is not a valid ${type} record value: Route 53 expects ${f.what}, and refuses the change. Write the value in that form${type === 'A' || type === 'AAAA' ? ', or use a CNAME record (or an alias) for a host name' : ''}.`,
      start: item.start,
      end: item.end,
    });
  }
}

export const route53RecordValue = resourceRule('CFN5100', 'Route 53 record value that does not fit its type', ['E3023'], (_ctx, r, out) => {
  if (!isMap(r.properties)) return;
  if (r.type === 'AWS::Route53::RecordSet') checkRecordSet(r.properties, out);
  else if (r.type === 'AWS::Route53::RecordSetGroup') {
    const sets = get(r.properties, 'RecordSets');
    if (sets && isSeq(sets)) for (const s of sets.items) checkRecordSet(s, out);
  }
});
