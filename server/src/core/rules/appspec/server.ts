/** Rules for EC2/on-premises AppSpec files: os, files, permissions. */
import { get, getPair, isMap, isScalar, isSeq, keyText, type Node } from '../../document/nodes';
import { closest } from '../../suggest';
import { kindRule } from '../define';
import { addKeyAfter, isPlaceholder } from '../textFixes';
import type { RawFinding, Rule } from '../types';
import { APPSPEC, isWindows, pairAnyCase, platformOf } from './context';
import { sourceOf } from './structure';

const KNOWN = { version: 1, files: 1, permissions: 1, hooks: 1, file_exists_behavior: 1 };

export const appspecOsMissing = kindRule(APPSPEC, 'APPSPEC1009', "EC2/on-premises AppSpec file without 'os'", [], ({ doc, root }) => {
  if (platformOf(root) !== 'server' || getPair(root, 'os')) return [];
  // `OS:` or `oss:` is reported with its fix by the unknown-key rule.
  if (root.pairs.some((p) => !(keyText(p) in KNOWN) && closest(keyText(p), ['os'], 1).length)) return [];
  const version = pairAnyCase(root, 'version');
  const at = root.pairs[0]?.key ?? root;
  return [{
    message: "An EC2/on-premises AppSpec file needs 'os: linux' or 'os: windows' (matching the instances); the agent refuses the revision without it.",
    start: at.start,
    end: at.end,
    data: version ? addKeyAfter(doc, version, 'os', 'linux', "Add 'os: linux'") : undefined,
  }];
});

export const appspecWindowsPermissions = kindRule(APPSPEC, 'APPSPEC1010', "'permissions' in a Windows AppSpec file", [], ({ root }) => {
  const p = getPair(root, 'permissions');
  if (!p || !isWindows(root) || (isSeq(p.value) && p.value.items.length === 0) || (isScalar(p.value) && p.value.value === null)) return [];
  return [{
    message: "'permissions' works only on Linux instances (Amazon Linux, Ubuntu Server, RHEL); with 'os: windows' the agent fails the deployment. Remove the section and set Windows permissions in a hook script (e.g. icacls in AfterInstall).",
    start: p.key.start,
    end: p.key.end,
    data: { fix: 'deletePair', start: p.start, end: p.end, key: 'permissions' },
  }];
});

/**
 * `mode` as the agent reads it: it turns the YAML value into text, pads it to three digits and
 * wants at most four octal digits. Its YAML reader (YAML 1.1) takes an unquoted `0755` as an octal
 * number, so the digits it sees are not the ones written.
 */
export const appspecPermissionMode = kindRule(APPSPEC, 'APPSPEC1011', 'Permission mode is not a valid octal mode', [], ({ root }) => {
  const perms = get(root, 'permissions');
  if (platformOf(root) !== 'server' || !isSeq(perms)) return [];
  const out: RawFinding[] = [];
  for (const entry of perms.items) {
    const m = get(entry, 'mode');
    if (!isScalar(m) || m.value === null || isPlaceholder(m)) continue;
    const written = typeof m.value === 'string' ? m.value.trim() : sourceOf(m);
    if (typeof m.value === 'number' && !m.quoted && /^0[0-7]+$/.test(written) && written.length > 1) {
      const digits = written.replace(/^0+(?=\d{3})/, '');
      const asRead = parseInt(written, 8).toString(10);
      out.push({
        message: `The agent reads the unquoted mode ${written} as an octal number and then uses its decimal digits (${asRead}), ${/[89]/.test(asRead) ? 'which is not a valid mode' : 'a different mode'}. Write ${digits} or quote it ('${written}').`,
        start: m.start,
        end: m.end,
        severity: 'warning',
        data: { fix: 'replace', start: m.start, end: m.end, candidates: [...new Set([digits, `'${written}'`])] },
      });
      continue;
    }
    if (!/^[0-7]{1,4}$/.test(written)) {
      out.push({
        message: `Permission mode '${written}' is not valid: use 1 to 4 octal digits (0-7) as chmod does, e.g. 644 or 4755.`,
        start: m.start,
        end: m.end,
      });
    }
  }
  return out;
});

/** A path the agent can use as a destination: absolute on Linux, drive or UNC path on Windows. */
function absolute(path: string, windows: boolean): boolean {
  if (windows) return /^([A-Za-z]:[\\/]|\\\\|[\\/])/.test(path);
  return path.startsWith('/');
}

export const appspecDestination = kindRule(APPSPEC, 'APPSPEC1012', "'files' destination is not an absolute path", [], ({ root }) => {
  const files = get(root, 'files');
  if (platformOf(root) !== 'server' || !isSeq(files)) return [];
  const windows = isWindows(root);
  const out: RawFinding[] = [];
  for (const entry of files.items) {
    const d: Node | undefined = isMap(entry) ? get(entry, 'destination') : undefined;
    if (!isScalar(d) || typeof d.value !== 'string' || !d.value.trim() || isPlaceholder(d)) continue;
    if (absolute(d.value.trim(), windows)) continue;
    out.push({
      message: `Destination '${d.value}' is not an absolute path. Give the full path on the instance, e.g. ${windows ? 'C:\\inetpub\\wwwroot' : '/var/www/html'}; a relative path lands somewhere under the agent's working folder.`,
      start: d.start,
      end: d.end,
    });
  }
  return out;
}, 'warning');

export const serverRules: Rule[] = [appspecOsMissing, appspecWindowsPermissions, appspecPermissionMode, appspecDestination];
