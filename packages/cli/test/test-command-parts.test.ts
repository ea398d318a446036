/**
 * The parts of `telaio test` that need no server: which files FILE|DIR|GLOB name, which inputs
 * each workflow gets from a keyed or flat `--inputs` map, and the dependsOn scheduler.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTestFiles } from '../src/test/find-test-files.js';
import { inputsForWorkflow } from '../src/test/inputs-for-workflow.js';
import { runScheduled } from '../src/test/run-scheduled.js';
import { useTempDir } from './support/run.js';

const tmp = useTempDir('telaio-test-parts-');
const ARAZZO = 'arazzo: 1.0.1\ninfo: {title: t, version: "1"}\n';

async function tree(): Promise<string> {
  await mkdir(tmp('flows', 'nested'), { recursive: true });
  await mkdir(tmp('flows', 'node_modules'), { recursive: true });
  await writeFile(tmp('flows', 'a.arazzo.yaml'), ARAZZO);
  await writeFile(tmp('flows', 'b.json'), '{"arazzo": "1.0.1"}');
  await writeFile(tmp('flows', 'openapi.yaml'), 'openapi: 3.1.0\n');
  await writeFile(tmp('flows', 'nested', 'c.arazzo.yml'), ARAZZO);
  await writeFile(tmp('flows', 'node_modules', 'd.arazzo.yaml'), ARAZZO);
  return tmp();
}

describe('FILE|DIR|GLOB', () => {
  it('a DIR gives its Arazzo files, recursively, without OpenAPI files or node_modules', async () => {
    const cwd = await tree();
    const files = await findTestFiles(['flows'], cwd);
    expect(files.map((f) => f.slice(cwd.length + 1))).toEqual([
      'flows/a.arazzo.yaml',
      'flows/b.json',
      'flows/nested/c.arazzo.yml',
    ]);
  });

  it('globs take *, ** and {a,b}', async () => {
    const cwd = await tree();
    const rel = async (...targets: string[]) =>
      (await findTestFiles(targets, cwd)).map((f) => f.slice(cwd.length + 1));
    expect(await rel('flows/*.yaml')).toEqual(['flows/a.arazzo.yaml']);
    expect(await rel('flows/**/*.arazzo.{yaml,yml}')).toEqual([
      'flows/a.arazzo.yaml',
      'flows/nested/c.arazzo.yml',
    ]);
    expect(await rel('flows/*.json', 'flows/a.arazzo.yaml')).toEqual(['flows/a.arazzo.yaml', 'flows/b.json']);
  });

  it('a target that names nothing is bad usage', async () => {
    const cwd = await tree();
    await expect(findTestFiles(['missing.yaml'], cwd)).rejects.toThrow(
      'missing.yaml: no such file or directory',
    );
    await expect(findTestFiles(['flows/*.txt'], cwd)).rejects.toThrow(
      'flows/*.txt: no Arazzo documents found',
    );
  });
});

describe('--inputs keyed by workflowId or flat', () => {
  const schema = (names: Record<string, string>) => ({
    properties: Object.fromEntries(Object.entries(names).map(([k, type]) => [k, { type }])),
    required: [],
  });
  const base = {
    workflowIds: new Set(['checkout', 'browse']),
    documentUri: resolve('flows/shop.arazzo.yaml'),
    flags: {},
    rawFlags: {},
  };

  it('flat keys go to every workflow that declares them; its own entry wins; --input wins over both', () => {
    const file = { petId: 1, region: 'eu', checkout: { petId: 2 }, browse: { petId: 3 } };
    const view = schema({ petId: 'integer', region: 'string' }) as never;
    expect(inputsForWorkflow({ ...base, workflowId: 'checkout', file, schema: view })).toEqual({
      petId: 2,
      region: 'eu',
    });
    expect(
      inputsForWorkflow({
        ...base,
        workflowId: 'browse',
        file,
        schema: view,
        flags: { petId: 9 },
        rawFlags: { petId: '9' },
      }),
    ).toEqual({ petId: 9, region: 'eu' });
  });

  it('FILE#workflowId entries: two files with the same workflowId get their own values, over the workflowId entry', () => {
    const file = {
      region: 'eu',
      checkout: { petId: 2 },
      'shop.arazzo.yaml#checkout': { petId: 3 },
      'flows/other.arazzo.yaml#checkout': { petId: 4 },
    };
    const view = schema({ petId: 'integer', region: 'string' }) as never;
    const other = resolve('flows/other.arazzo.yaml');
    expect(inputsForWorkflow({ ...base, workflowId: 'checkout', file, schema: view })).toEqual({
      petId: 3,
      region: 'eu',
    });
    expect(
      inputsForWorkflow({ ...base, documentUri: other, workflowId: 'checkout', file, schema: view }),
    ).toEqual({ petId: 4, region: 'eu' });
    expect(
      inputsForWorkflow({
        ...base,
        documentUri: resolve('x.arazzo.yaml'),
        workflowId: 'checkout',
        file,
        schema: view,
      }),
    ).toEqual({ petId: 2, region: 'eu' });
    expect(inputsForWorkflow({ ...base, workflowId: 'browse', file, schema: schema({}) as never })).toEqual({
      region: 'eu',
    });
  });

  it('only declared inputs are passed; a number for a string input becomes its text', () => {
    const view = schema({ code: 'string' }) as never;
    expect(
      inputsForWorkflow({ ...base, workflowId: 'browse', file: { code: 12, other: true }, schema: view }),
    ).toEqual({
      code: '12',
    });
  });
});

describe('dependsOn scheduling', () => {
  it('runs a task after the ones it comes after; a failed one skips those after it', async () => {
    const order: string[] = [];
    const task = (key: string, after: string[], ok = true) => ({
      key,
      after,
      run: async () => {
        order.push(key);
        return ok ? 'passed' : 'failed';
      },
    });
    const results = await runScheduled<string>({
      jobs: 2,
      failed: (r) => r !== 'passed',
      skip: (_key, because) => `skipped after ${because}`,
      tasks: [task('c', ['b']), task('b', ['a']), task('a', []), task('x', [], false), task('y', ['x'])],
    });
    expect(order.indexOf('a')).toBeLessThan(order.indexOf('b'));
    expect(order.indexOf('b')).toBeLessThan(order.indexOf('c'));
    expect(Object.fromEntries(results)).toEqual({
      a: 'passed',
      b: 'passed',
      c: 'passed',
      x: 'failed',
      y: 'skipped after x',
    });
  });

  it('never runs more than `jobs` tasks at once', async () => {
    let running = 0;
    let most = 0;
    const task = (key: string) => ({
      key,
      after: [],
      run: async () => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setImmediate(resolve));
        running--;
        return 'passed';
      },
    });
    await runScheduled<string>({
      jobs: 2,
      failed: () => false,
      skip: () => 'skipped',
      tasks: ['a', 'b', 'c', 'd', 'e'].map(task),
    });
    expect(most).toBe(2);
  });
});
