import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript, without declarations
import * as hints from '../scripts/hint-eager-functions.mjs';

const hint = hints.hintEagerFunctions as (
  text: string,
  names: ReadonlySet<string>,
) => { text: string; hinted: string[] };
const cycles = hints.filesInImportCycles as (texts: ReadonlyMap<string, string>) => Set<string>;
const topLevel = hints.topLevelFunctions as (text: string) => Set<string>;

const dir = mkdtempSync(path.join(tmpdir(), 'telaio-eager-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs an ES module in a fresh Node and returns what it printed (stdout), or throws with its stderr. */
function runModule(name: string, text: string, nodeArgs: string[] = []): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  const r = spawnSync(process.execPath, [...nodeArgs, file], { encoding: 'utf8', cwd: dir });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}

// A module as esbuild writes one: top-level declarations, a call before the declaration (hoisting),
// functions of every kind, one that refers to itself by name, and an export list at the end.
const MODULE = `const log = [];
log.push(early());
function early() { return 'hoisted:' + typeof later; }
function later(a, b = 1, ...rest) { return [later.name, later.length, this === undefined, arguments.length]; }
async function fetchIt(x) { await null; return x * 2; }
function* count(n) { for (let i = 0; i < n; i++) yield i; }
function cold() { return 'cold'; }
function selfRef() { return selfRef === exported ? 'same binding' : 'other'; }
const exported = selfRef;
function Point(x) { if (!new.target) return new Point(x); this.x = x; }
log.push(later(5, 6, 7), [...count(3)], selfRef(), Point(4).x, cold.name);
log.push(await fetchIt(21), fetchIt.name, count.name);
try { (function thrower() { throw new Error('boom'); })(); } catch (e) { log.push(e.message); }
console.log(JSON.stringify(log));
export { later, fetchIt, count };
`;
const HOT = new Set(['early', 'later', 'fetchIt', 'count', 'selfRef', 'Point', 'absent']);

describe('hintEagerFunctions (scripts/hint-eager-functions.mjs): V8 compile hints for the bundle', () => {
  it('rewrites exactly the listed top-level declarations into hoisted parenthesized function expressions', () => {
    const { text, hinted } = hint(MODULE, HOT);
    expect(hinted.sort()).toEqual(['Point', 'count', 'early', 'fetchIt', 'later', 'selfRef']);
    expect(text.startsWith('var early=(function() {')).toBe(true);
    expect(text).toContain('var fetchIt=(async function(x)');
    expect(text).toContain('var count=(function*(n)');
    // Unlisted and nested functions keep their form.
    expect(text).toContain('function cold() {');
    expect(text).toContain('(function thrower() {');
    expect(text).not.toMatch(/^function (early|later|fetchIt|count|selfRef|Point)\b/m);
  });

  it('keeps behaviour: hoisting, names, length, this, arguments, new.target, async, generators, exports', () => {
    const before = runModule('before.mjs', MODULE);
    const after = runModule('after.mjs', hint(MODULE, HOT).text);
    expect(JSON.parse(after)).toEqual([
      'hoisted:function',
      ['later', 1, true, 3],
      [0, 1, 2],
      'same binding',
      4,
      'cold',
      42,
      'fetchIt',
      'count',
      'boom',
    ]);
    expect(after).toBe(before);
    // Importers see the same exports.
    writeFileSync(path.join(dir, 'lib.mjs'), hint(MODULE, HOT).text);
    expect(
      runModule(
        'importer.mjs',
        `import { later, count } from './lib.mjs'; console.log(later.name, [...count(2)].join());`,
      ),
    ).toContain('later 0,1');
  });

  it('makes V8 compile a hinted function when the file loads, not at its first call (the point of it)', () => {
    const source = 'function hot(a) { return a + 1; }\nsetTimeout(() => console.log(hot(1)), 0);\n';
    const lazyCompiles = (text: string, name: string) => {
      const log = path.join(dir, `${name}.log`);
      expect(
        runModule(`${name}.mjs`, text, [
          '--log-function-events',
          `--logfile=${log}`,
          '--no-logfile-per-isolate',
        ]),
      ).toBe('2\n');
      const script = readFileSync(log, 'utf8')
        .split('\n')
        .find((l) => l.startsWith('script-details,') && l.includes(`${name}.mjs`))
        ?.split(',')[1];
      return readFileSync(log, 'utf8')
        .split('\n')
        .filter((l) => l.startsWith(`function,parse-function,${script},`) && l.endsWith(',hot')).length;
    };
    expect(lazyCompiles(source, 'lazy')).toBe(1);
    expect(lazyCompiles(hint(source, new Set(['hot'])).text, 'eager')).toBe(0);
  });

  it('names the same top-level functions in a hinted file as in the plain one (find-eager-functions reads either)', () => {
    const plain = [...topLevel(MODULE)].sort();
    expect(plain).toEqual(['Point', 'cold', 'count', 'early', 'fetchIt', 'later', 'selfRef']);
    expect([...topLevel(hint(MODULE, HOT).text)].sort()).toEqual(plain);
  });

  it('leaves a file alone when nothing is listed, and finds the files of import cycles (which the bundle does not hint)', () => {
    expect(hint(MODULE, new Set()).text).toBe(MODULE);
    const texts = new Map([
      ['a.mjs', 'import{x}from"./b.mjs";export{y};function y(){}'],
      ['b.mjs', 'import"./c.mjs";export{x};function x(){}'],
      ['c.mjs', 'import{y}from"./a.mjs";'],
      ['d.mjs', 'import{x}from"./b.mjs";const m=()=>import("./d.mjs");'],
    ]);
    expect([...cycles(texts)].sort()).toEqual(['a.mjs', 'b.mjs', 'c.mjs']);
  });
});
