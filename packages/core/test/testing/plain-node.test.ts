import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

// `@telaio/core/testing` must work outside vitest (examples, benchmarks, users' scripts): a plain
// `node` process imports the built entry and sends through createMemoryTransport, with a resolve hook
// that fails the import of anything from vitest. `pnpm test` builds before vitest runs.
const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const entry = pathToFileURL(path.join(repoRoot, 'packages/core/dist/testing/index.js')).href;

const hook = `export async function resolve(specifier, context, next) {
  if (/^(vitest|@vitest\\/)/.test(specifier)) throw new Error('vitest was imported: ' + specifier);
  return next(specifier, context);
}`;

function runPlainNode(specifier: string): { code: number | null; stdout: string; stderr: string } {
  const script = `
import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hook)}));
const { createMemoryTransport } = await import(${JSON.stringify(specifier)});
const transport = createMemoryTransport(() => ({ status: 200, headers: { 'Content-Type': 'application/json' }, body: { ok: true } }));
const operation = { sourceName: 's', operationId: 'get', method: 'get', path: '/things/{id}', pointer: '/paths/~1things~1{id}/get',
  servers: [{ url: 'http://example.test' }], parameters: [], responses: {}, security: [], securitySchemes: {} };
const r = await transport.send({ operation, parameters: [{ name: 'id', in: 'path', value: 'a 1' }] }, { signal: new AbortController().signal });
console.log(JSON.stringify({ status: r.statusCode, body: r.body, url: transport.sent[0].url }));
`;
  // cwd test/: its node_modules links the workspace packages, so a bare name goes through package.json exports.
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: path.join(repoRoot, 'test'),
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('@telaio/core/testing under plain node', () => {
  it.each([
    ['the built entry', entry],
    ['the package name (through its exports)', '@telaio/core/testing'],
  ])('imports %s and sends through createMemoryTransport without loading vitest', (_, specifier) => {
    const r = runPlainNode(specifier);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      status: 200,
      body: { ok: true },
      url: 'http://example.test/things/a%201',
    });
  });

  it('the resolve hook does catch a vitest import', () => {
    const r = runPlainNode('vitest');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('vitest was imported: vitest');
  });
});
