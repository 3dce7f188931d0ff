import fs from 'node:fs';
import { createLanguageService } from './server/src/core';
const lines = ['AWSTemplateFormatVersion: "2010-09-09"', 'Resources:'];
for (let i = 0; i < 50000; i++) lines.push(`  Queue${i}:`, '    Type: AWS::SQS::Queue', '    Properties:', `      QueueName: !Sub "\${AWS::StackName}-q${i}"`, '      VisibilityTimeout: 60');
const t = lines.join('\n') + '\n';
fs.writeFileSync('/tmp/rela/50k.yaml', t);
console.log((t.length / 1e6).toFixed(1), 'MB');
const svc = createLanguageService({ incremental: false, settings: { maxBytes: 50e6 } });
for (let k = 0; k < 2; k++) {
  const f = { uri: 'file:///big' + k + '.yaml', version: 1, languageId: 'yaml', getText: () => t };
  let t0 = Date.now(); svc.parse(f); const a = Date.now() - t0; t0 = Date.now(); const r = svc.lint(f); console.log('parse', a, 'lint', Date.now() - t0, r.findings.length);
}
