import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseTemplate } from '../../server/src/core/document';
import { readText } from '../../server/src/core/files';
import type { Kind } from '../../server/src/core/kind';
import { lintDocument } from '../../server/src/core/lint';
import type { Finding } from '../../server/src/core/rules/types';
import { CORPUS, filesUnder } from './shared';

/**
 * Every error our appspec/buildspec rules raise on the real files, reviewed by hand. A new error
 * fails the test until someone checks it is a true problem and adds it here (with why).
 */
const REVIEWED_ERRORS: Record<string, string> = {
  // The obsolete pre-release format (version 0.0, environment_variables, containers).
  'buildspec/aws-serverless-samfarm__api__buildspec.yml BUILDSPEC1002': 'retired 0.0 format; CodeBuild rejects it',
  // An AWS Device Farm test spec (android_test_host, pre_test/test/post_test), not a buildspec:
  // the content looks like one (version + phases). As a buildspec these are real errors.
  'buildspec/aws-crt-java__src__test__android__testapp__instrumentedTestSpec.yml BUILDSPEC1009': 'Device Farm phases',
  'buildspec/aws-crt-java__src__test__android__testapp__instrumentedTestSpec.yml BUILDSPEC1004': 'Device Farm artifacts list',
  // AWS's appspec assistant templates with the documentation's placeholder words left in; the
  // agent/service refuses each of these values as written.
  'appspec/aws-codedeploy-appspec-assistant__ecs-default-appspec-template-advanced.json APPSPEC1005': "AssignPublicIp 'ENABLED-or-DISABLED'",
  'appspec/aws-codedeploy-appspec-assistant__ecs-default-appspec-template-uncommented.yml APPSPEC1005': "AssignPublicIp 'ENABLED-or-DISABLED'",
  'appspec/aws-codedeploy-appspec-assistant__server-(ec2-and-onPrem)-default-appspec-template-advanced.json APPSPEC1004': "except 'exception-specification' is not a list",
  'appspec/aws-codedeploy-appspec-assistant__server-(ec2-and-onPrem)-default-appspec-template-advanced.json APPSPEC1005': "type 'object-type'",
  'appspec/aws-codedeploy-appspec-assistant__server-(ec2-and-onPrem)-default-appspec-template-advanced.json APPSPEC1011': "mode 'mode-specification'",
  'appspec/aws-codedeploy-appspec-assistant__server-(ec2-and-onPrem)-default-appspec-template-uncommented.yml APPSPEC1004': "except 'exception-specification' is not a list",
  'appspec/aws-codedeploy-appspec-assistant__server-(ec2-and-onPrem)-default-appspec-template-uncommented.yml APPSPEC1005': "type 'object-type'",
  'appspec/aws-codedeploy-appspec-assistant__server-(ec2-and-onPrem)-default-appspec-template-uncommented.yml APPSPEC1011': "mode 'mode-specification'",
  'appspec/aws-codedeploy-appspec-assistant__server-(ec2-and-onPrem)-default-appspec-template-uncommented.yml APPSPEC1017': "timeout 'timeout-in-seconds'",
};

const KINDS: { dir: string; kind: Kind }[] = [
  { dir: 'appspec', kind: 'appspec' },
  { dir: 'buildspec', kind: 'buildspec' },
];

const present = KINDS.some(({ dir }) => fs.existsSync(path.join(CORPUS, dir)));

(present ? describe : describe.skip)('corpus: appspec and buildspec files', function () {
  this.timeout(120000);

  for (const { dir, kind } of KINDS) {
    it(`lints every ${dir} file without an internal error, and every error is reviewed`, () => {
      const files = filesUnder(path.join(CORPUS, dir));
      assert.ok(files.length > 0, `no files under ${dir}`);
      const byCode = new Map<string, { error: number; warning: number; info: number }>();
      const unreviewed: string[] = [];
      const detected = new Map<string, number>();
      for (const file of files) {
        const rel = `${dir}/${path.basename(file)}`;
        const doc = parseTemplate(file, 1, readText(file));
        // Corpus file names are `<repo>__<path>`, so the kind comes from the folder, not the name.
        let findings: Finding[];
        try {
          findings = lintDocument(doc, { kind }).findings;
        } catch (e) {
          assert.fail(`${rel}: ${(e as Error).stack}`);
        }
        const internal = findings.find((f) => f.code === 'INTERNAL');
        assert.ok(!internal, `${rel}: ${internal?.message}`);
        const auto = lintDocument(doc, { fileName: file }).kind ?? 'none';
        detected.set(auto, (detected.get(auto) ?? 0) + 1);
        for (const f of findings) {
          const c = byCode.get(f.code) ?? { error: 0, warning: 0, info: 0 };
          c[f.severity]++;
          byCode.set(f.code, c);
          if (f.severity === 'error' && !REVIEWED_ERRORS[`${rel} ${f.code}`]) {
            const line = doc.lines.positionAt(f.start).line + 1;
            unreviewed.push(`${rel}:${line} ${f.code} ${f.message}`);
          }
        }
      }
      const summary = [...byCode].sort(([a], [b]) => a.localeCompare(b)).map(([code, c]) => `  ${code.padEnd(14)} ${c.error} error, ${c.warning} warning${c.info ? `, ${c.info} info` : ''}`);
      console.log(`    ${dir}: ${files.length} files; detected as ${[...detected].map(([k, n]) => `${k} ${n}`).join(', ')}\n${summary.join('\n') || '  (no findings)'}`);
      assert.deepEqual(unreviewed, [], 'errors on real files that nobody reviewed yet');
    });
  }
});
