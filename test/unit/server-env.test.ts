import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { serverEnvironment } from '../../server/src/core/serverEnv';

describe('the environment the client starts the language server in', () => {
  it('is the editor environment without NODE_EXTRA_CA_CERTS (parsed at start; the server makes no network connection)', () => {
    const env = serverEnvironment({ PATH: '/usr/bin', HOME: '/home/u', NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt', UNSET: undefined });
    assert.deepEqual(env, { PATH: '/usr/bin', HOME: '/home/u' });
  });

  it('keeps a child Node from loading the extra certificates', () => {
    const probe = "process.stdout.write(String(process.env.NODE_EXTRA_CA_CERTS))";
    const run = (env: NodeJS.ProcessEnv) => spawnSync(process.execPath, ['-e', probe], { env, encoding: 'utf8' }).stdout;
    assert.equal(run(serverEnvironment({ ...process.env, NODE_EXTRA_CA_CERTS: '/nonexistent.pem' })), 'undefined');
  });
});
