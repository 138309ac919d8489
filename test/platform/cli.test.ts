// `npm run platform:sim` as a child process: starts, prints where it listens, takes faults from
// flags and from its own CLI, lists what it recorded, stops on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { Harness, OPERATOR, person, referralFor } from './helpers';

const require = createRequire(import.meta.url);
const TSX = require.resolve('tsx/cli');
const children: ChildProcess[] = [];
const h = new Harness();

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await h.cleanup();
});

function run(args: string[]): ChildProcess {
  const child = spawn(process.execPath, [TSX, 'main/platform/sim/cli.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return child;
}

/** Resolves with the URL from the ready line, or rejects after `ms`. */
function ready(child: ChildProcess, ms = 45_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`simulator not ready in ${ms} ms: ${out}`)), ms);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /platform simulator ready: (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`simulator exited with ${code}: ${out}`)));
  });
}

function output(child: ChildProcess, ms = 30_000): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`no exit in ${ms} ms`)), ms);
    child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout });
    });
  });
}

describe('npm run platform:sim', () => {
  it('starts with faults from flags, is controlled and inspected from its CLI, and stops on SIGTERM', async () => {
    const server = run(['--port', '0', '--latency', '5', '--fault', 'gateway', '--fault-infno', '1201']);
    const url = await ready(server);
    const client = h.client(await h.desk(), { url });

    expect((await client.ensureSignedIn(OPERATOR)).outcome).toBe('ok');
    expect((await client.queryInstitutions({ name: '演练' }, OPERATOR)).outcome).toBe('unknown');

    expect((await output(run(['fault', 'clear', '--url', url]))).code).toBe(0);
    expect((await client.queryInstitutions({ name: '演练' }, OPERATOR)).outcome).toBe('ok');
    const who = person('陈模拟');
    expect((await client.fileReferral(referralFor(who), OPERATOR)).outcome).toBe('ok');

    const listed = await output(run(['inspect', 'referrals', '--person', who.personNo, '--url', url]));
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ personNo: who.personNo, target: 'H11010500001' })]);

    expect((await output(run(['fault', 'down:reset', '--url', url]))).code).toBe(0);
    expect((await client.queryInstitutions({ name: '演练' }, OPERATOR)).outcome).toBe('unknown');

    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 120_000);
});
