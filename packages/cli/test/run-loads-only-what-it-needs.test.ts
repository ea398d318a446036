/**
 * Issue 19 pt 3: a cold `telaio run` of a valid document against http:// servers loads only what it
 * uses. The built CLI runs the benches' 2-step workflow against a loopback server with a preload
 * that records, at exit, the Node builtins and the CommonJS files the process loaded: no TLS or
 * https (the transport's https agent is made on the first https request), no node:crypto (the
 * source cache key of a small description is hashed in JavaScript, the CLI's run ids are a counter),
 * no perf_hooks or readline, no zlib until a response comes compressed (and then a gzip response
 * decompresses), and neither ajv nor its precompiled Arazzo validator (a valid document passes the
 * quick schema check). And a `validate --no-cache` of it loads neither node:crypto nor ajv,
 * writes its report to a pipe without process.stdout (no net or tty), and sets its V8 flags.
 * A property of what loads, not a timing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript of the benches, no types
import { startTwoStepWorkflow } from '../../../bench/support/start-two-step-workflow.js';
import { spawnNode } from './support/spawn-node.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const bin = path.join(repoRoot, 'packages/cli/bin/telaio.js');

let fixture: { server: import('node:http').Server; base: string; dir: string; flow: string };
let loaded: { builtins: string[]; files: string[] };
let run: { status: number | null; stdout: string; stderr: string };
/** The fixture's answers, gzip-encoded. */
let gzipServer: http.Server;
let gzipped: {
  run: { status: number | null; stdout: string; stderr: string };
  loaded: { builtins: string[]; files: string[] };
};

/** Runs the built CLI on the fixture with a preload recording what loaded. */
async function recordRun(options: { base?: string }): Promise<{
  run: { status: number | null; stdout: string; stderr: string };
  loaded: { builtins: string[]; files: string[] };
}> {
  const work = mkdtempSync(path.join(tmpdir(), 'telaio-loads-'));
  const hook = path.join(work, 'record-loads.cjs');
  const out = path.join(work, 'loaded.json');
  writeFileSync(
    hook,
    `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify({
      builtins: process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13)),
      files: Object.keys(require.cache),
    })));`,
  );
  // Asynchronous: the server answers from this process.
  const spawned = await spawnNode(
    [
      '-r',
      hook,
      bin,
      'run',
      fixture.flow,
      '--server',
      `api=${options.base ?? fixture.base}`,
      '--input',
      'user=ada',
    ],
    { cwd: work, env: { ...process.env, NO_COLOR: '1' } },
  );
  const result = { status: spawned.code, stdout: spawned.stdout, stderr: spawned.stderr };
  const recorded = JSON.parse(readFileSync(out, 'utf8'));
  rmSync(work, { recursive: true, force: true });
  return { run: result, loaded: recorded };
}

beforeAll(async () => {
  fixture = await startTwoStepWorkflow();
  ({ run, loaded } = await recordRun({}));
  gzipServer = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const body = req.url?.startsWith('/pets/') ? '{"id":7,"name":"rex"}' : '{"token":"t-123","petId":7}';
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(gzipSync(body));
    });
  });
  await new Promise<void>((resolve) => gzipServer.listen(0, '127.0.0.1', resolve));
  const { port } = gzipServer.address() as import('node:net').AddressInfo;
  gzipped = await recordRun({ base: `http://127.0.0.1:${port}` });
}, 60_000);

afterAll(async () => {
  await new Promise<void>((resolve) => gzipServer.close(() => resolve()));
  await new Promise<void>((resolve) => fixture.server.close(() => resolve()));
  rmSync(fixture.dir, { recursive: true, force: true });
});

describe('a cold telaio run of a valid 2-step workflow over http:// (issue 19 pt 3)', () => {
  it('succeeds', () => {
    expect({ status: run.status, stderr: run.stderr }).toMatchObject({ status: 0 });
    expect(run.stdout).toContain('rex');
  });

  it('loads no TLS, https, crypto, perf_hooks, readline or zlib', () => {
    for (const module of [
      'zlib',
      'tls',
      '_tls_wrap',
      'https',
      'crypto',
      'perf_hooks',
      'readline',
      'readline/promises',
    ])
      expect({ module, loaded: loaded.builtins.includes(module) }).toEqual({ module, loaded: false });
    // The list is real: the HTTP client is in it.
    expect(loaded.builtins).toContain('http');
  });

  it('decompresses a gzip response, loading zlib for it', () => {
    expect({ status: gzipped.run.status, stderr: gzipped.run.stderr }).toMatchObject({ status: 0 });
    expect(gzipped.run.stdout).toContain('rex');
    expect(gzipped.loaded.builtins).toContain('zlib');
  });

  it('loads neither ajv nor the precompiled Arazzo validator', () => {
    const files = loaded.files.map((f) => f.split(path.sep).join('/'));
    expect(files.filter((f) => /arazzo-validator\.cjs$|telaio\.lib-ajv\.cjs$|\/ajv\//.test(f))).toEqual([]);
  });
});

/**
 * Runs the built CLI's `validate --no-cache` of the fixture with a preload (`-r`) that records, at
 * exit, the builtins and CommonJS files loaded and (with `flags`) every V8 flag set through node:v8.
 * stdout and stderr are pipes, as in a CI job or a bench.
 */
function recordValidate(options: { flags: boolean }): {
  result: { status: number | null; stdout: string; stderr: string };
  seen: { builtins: string[]; files: string[]; flags: string[] };
} {
  const work = mkdtempSync(path.join(tmpdir(), 'telaio-loads-'));
  const hook = path.join(work, 'record-loads.cjs');
  const out = path.join(work, 'loaded.json');
  writeFileSync(
    hook,
    `const flags = [];
    ${
      options.flags
        ? `const v8 = require('node:v8'); const set = v8.setFlagsFromString;
    v8.setFlagsFromString = (flag) => { flags.push(flag); return set.call(v8, flag); };`
        : ''
    }
    process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify({
      builtins: process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13)),
      files: Object.keys(require.cache),
      flags,
    })));`,
  );
  const result = spawnSync(process.execPath, ['-r', hook, bin, 'validate', '--no-cache', fixture.flow], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  const seen = JSON.parse(readFileSync(out, 'utf8'));
  rmSync(work, { recursive: true, force: true });
  return { result, seen };
}

describe('a cold telaio validate --no-cache of a valid document (issue 19 pt 1)', () => {
  it('loads neither node:crypto nor ajv nor the precompiled Arazzo validator', () => {
    const { result, seen } = recordValidate({ flags: false });
    expect({ status: result.status, stderr: result.stderr }).toMatchObject({ status: 0 });
    expect(seen.builtins.includes('crypto')).toBe(false);
    expect(seen.builtins).toContain('fs');
    const files = seen.files.map((f) => f.split(path.sep).join('/'));
    expect(files.filter((f) => /arazzo-validator\.cjs$|telaio\.lib-ajv\.cjs$|\/ajv\//.test(f))).toEqual([]);
  });

  it('writes its report to a pipe without building process.stdout: no net or tty module', () => {
    const { result, seen } = recordValidate({ flags: false });
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    expect(result.stdout).toBe('✔ no problems in 1 file\n');
    expect(seen.builtins.filter((m) => m === 'net' || m === 'tty')).toEqual([]);
  });

  it('sets one V8 flag for a short run: TurboFan without inlining (the young generation keeps V8’s growth)', () => {
    const { result, seen } = recordValidate({ flags: true });
    expect({ status: result.status, stderr: result.stderr }).toMatchObject({ status: 0 });
    expect(seen.flags).toEqual(['--no-turbo-inlining']);
  });
});
