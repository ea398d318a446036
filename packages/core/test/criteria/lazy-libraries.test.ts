/**
 * The heavy criterion libraries load only when a criterion needs them: importing the registry (or
 * the lint entry `telaio validate` uses) loads none of fontoxpath, xpath, @xmldom/xmldom, json-p3
 * or jsonpath-plus. Checked in a fresh node process against packages/core/dist (build it first with
 * `pnpm exec tsc -b packages/core`); the CommonJS entry points show up in `require.cache`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = path.resolve(import.meta.dirname, '../../dist');

/** Run `steps` (module code, with `loaded()` listing the libraries loaded so far) in a fresh node. */
function inFreshNode(steps: string): Record<string, string[]> {
  const script = `
    import { createRequire } from 'node:module';
    const require = createRequire(import.meta.url);
    const out = {};
    const loaded = () => [...new Set(Object.keys(require.cache)
      .map((k) => /node_modules[\\\\/](fontoxpath|xpath|@xmldom|json-p3|jsonpath-plus)[\\\\/]/.exec(k)?.[1])
      .filter(Boolean))].sort();
    const at = (label) => { out[label] = loaded(); };
    ${steps}
    process.stdout.write(JSON.stringify(out));`;
  const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  return JSON.parse(stdout) as Record<string, string[]>;
}

const url = (file: string): string => pathToFileURL(path.join(dist, file)).href;

describe('criterion libraries load lazily', () => {
  // `pnpm test` builds first; a missing build is a failure here, never a silent skip.
  it('runs against a built packages/core/dist', () => {
    expect(
      existsSync(path.join(dist, 'criteria/lazy-library.js')),
      'run `pnpm exec tsc -b packages/core`',
    ).toBe(true);
  });

  it('nothing on import nor for jsonpath member paths, json-p3 or jsonpath-plus on the first other jsonpath, fontoxpath on the first xpath, xpath on the first xpath-10', () => {
    const seen = inFreshNode(`
        const { createCriterionRegistry } = await import(${JSON.stringify(url('criteria/registry.js'))});
        at('import');
        const registry = createCriterionRegistry();
        registry.compile({ condition: '$statusCode == 200' });
        registry.compile({ context: '$statusCode', condition: '^200$', type: 'regex' });
        at('simple and regex');
        registry.compile({ context: '$response.body', condition: '$.a.b', type: 'jsonpath' });
        registry.compile({ context: '$response.body', condition: '$.a.length > 0', type: 'jsonpath' });
        at('member paths');
        registry.compile({ context: '$response.body', condition: '$[?@.a]', type: 'jsonpath' });
        at('jsonpath');
        registry.compile({ context: '$response.body', condition: '$.a',
          type: { type: 'jsonpath', version: 'draft-goessner-dispatch-jsonpath-00' } });
        at('goessner');
        registry.compile({ context: '$response.body', condition: '/a', type: 'xpath' });
        at('xpath');
        registry.compile({ context: '$response.body', condition: '/a', type: { type: 'xpath', version: 'xpath-20' } });
        at('xpath-20');
        registry.compile({ context: '$response.body', condition: "/a = '1'", type: { type: 'xpath', version: 'xpath-10' } });
        at('xpath-10');`);
    expect(seen).toEqual({
      import: [],
      'simple and regex': [],
      'member paths': [],
      jsonpath: ['json-p3'],
      goessner: ['json-p3', 'jsonpath-plus'],
      xpath: ['@xmldom', 'fontoxpath', 'json-p3', 'jsonpath-plus'],
      'xpath-20': ['@xmldom', 'fontoxpath', 'json-p3', 'jsonpath-plus'],
      'xpath-10': ['@xmldom', 'fontoxpath', 'json-p3', 'jsonpath-plus', 'xpath'],
    });
  });

  it('an xpath-10 criterion alone loads xpath and none of fontoxpath; xmldom comes with the first test', () => {
    const seen = inFreshNode(`
        const { createCriterionRegistry } = await import(${JSON.stringify(url('criteria/registry.js'))});
        const registry = createCriterionRegistry();
        const c = registry.compile({ context: '$response.body', condition: '/a = 1',
          type: { type: 'xpath', version: 'xpath-10' } });
        at('compile');
        const ctx = { inputs: {}, outputs: {}, steps: {}, workflows: {}, sourceDescriptions: {}, components: {},
          response: { headers: {}, body: '<a>1</a>' } };
        out.holds = [String(c.test(ctx))];
        at('test');`);
    expect(seen).toEqual({ compile: ['xpath'], holds: ['true'], test: ['@xmldom', 'xpath'] });
  });

  it('the lint entry (`telaio validate`) loads none of them on import', () => {
    const seen = inFreshNode(`await import(${JSON.stringify(url('lint/index.js'))}); at('import');`);
    expect(seen).toEqual({ import: [] });
  });
});
