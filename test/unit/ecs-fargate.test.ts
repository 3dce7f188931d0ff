import assert from 'node:assert/strict';
import { applyFirstFix, lint, tpl } from './helpers';

const task = (props: string) => tpl(`  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      RequiresCompatibilities: [FARGATE]\n${props}      ContainerDefinitions:\n        - Name: app\n          Image: nginx\n`);
const found = (text: string) => lint(text).findings.filter((f) => f.code === 'CFN5204');

describe('CFN5204 Fargate task definitions', () => {
  it('reports missing Cpu, Memory and NetworkMode on the Properties key, and the fix adds them', () => {
    const text = task('');
    const f = found(text);
    assert.equal(f.length, 1);
    assert.equal(text.slice(f[0].start, f[0].end), 'Properties');
    assert.match(f[0].message, /'Cpu', 'Memory', 'NetworkMode' are missing/);
    const fixed = applyFirstFix(text, 'CFN5204');
    assert.match(fixed, /Cpu:/);
    assert.match(fixed, /NetworkMode:/);
  });

  it('reports a network mode other than awsvpc with a replace fix', () => {
    const text = task('      Cpu: 256\n      Memory: 512\n      NetworkMode: bridge\n');
    assert.deepEqual(found(text).map((f) => text.slice(f.start, f.end)), ['bridge']);
    assert.match(applyFirstFix(text, 'CFN5204'), /NetworkMode: awsvpc/);
  });

  it('is silent for a complete Fargate task and for EC2-only tasks', () => {
    assert.deepEqual(found(task('      Cpu: 256\n      Memory: 512\n      NetworkMode: awsvpc\n')), []);
    assert.deepEqual(found(task('').replace('[FARGATE]', '[EC2]')), []);
  });
});
