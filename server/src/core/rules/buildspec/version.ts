import { getPair, isScalar } from '../../document/nodes';
import { kindRule, versionMissing } from '../define';
import type { Rule } from '../types';
import { BUILDSPEC } from './context';

export const buildspecVersionMissing = kindRule(BUILDSPEC, 'BUILDSPEC1001', "Buildspec without 'version'", [], ({ doc, root }) => {
  // `Version:` or `verison:` is reported with its fix by the unknown-key rule.
  const message = "A buildspec needs 'version: 0.2' as its first key; CodeBuild refuses the file (YAML_FILE_ERROR) without it.";
  return versionMissing(doc, root, !!getPair(root, 'version'), message, { yaml: '0.2', json: '"0.2"' });
});

export const buildspecVersionValue = kindRule(BUILDSPEC, 'BUILDSPEC1002', "Buildspec 'version' is not 0.2 (0.1 is deprecated)", [], ({ root }) => {
  const pair = getPair(root, 'version');
  if (!pair) return [];
  const v = pair.value;
  if (!isScalar(v) || v.value === null) {
    return [{ message: "'version' needs a value: 0.2.", start: pair.key.start, end: pair.key.end }];
  }
  // YAML reads `0.2` as a number; `"0.2"` and `0.20` mean the same to CodeBuild.
  const text = typeof v.value === 'number' ? String(v.value) : String(v.value).trim();
  if (text === '0.2') return [];
  if (text === '0.1') {
    // No automatic fix: 0.2 keeps one shell for all commands of a phase, so `cd` and variables
    // start carrying over; the author has to check that this is what the build wants.
    return [{
      message: "Buildspec version 0.1 is deprecated: it runs every command in a new shell, so `cd` and exported variables do not carry over. Change to 0.2 after checking commands that relied on that.",
      start: v.start,
      end: v.end,
      severity: 'warning',
    }];
  }
  const old = text === '0' || text === '0.0';
  return [{
    message: old
      ? "Version 0.0 is CodeBuild's retired pre-release format (environment_variables, containers, during_build); today's CodeBuild rejects it. Rewrite the file in the 0.2 format (env/variables, phases)."
      : `Buildspec version must be 0.2 (or the deprecated 0.1), not '${v.source ?? v.value}'. It is the file format's version, not your project's.`,
    start: v.start,
    end: v.end,
    data: old ? undefined : { fix: 'replace', start: v.start, end: v.end, candidates: ['0.2'] },
  }];
});

export const versionRules: Rule[] = [buildspecVersionMissing, buildspecVersionValue];
