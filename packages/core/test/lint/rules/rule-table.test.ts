/**
 * The severity table (packages/core/src/lint/rules) against the code: one example document per row
 * that lints to that rule with the row's code and severity at the expected node; every rule id and
 * diagnostic code the sources emit is a row; docs/rules.md is the table's rendering.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  applySeverityOverrides,
  type Diagnostic,
  lintDocument,
  parseSeverityOverrides,
  RULE_IDS,
  RULE_TABLE,
  type RuleId,
  renderRuleTable,
} from '@telaio/core';
import { describe, expect, it } from 'vitest';
import { createOperationIndex } from '../../../src/sources/create-operation-index.js';
import { lintExample, type RuleExample } from './rule-example-fixture.js';
import { expressionExamples } from './rule-examples-expressions.js';
import { structureExamples } from './rule-examples-structure.js';
import { v11Examples } from './rule-examples-v11.js';

const repoRoot = path.resolve(import.meta.dirname, '../../../../..');
const EXAMPLES: Record<Exclude<RuleId, 'lint-internal'>, RuleExample> = {
  ...structureExamples,
  ...expressionExamples,
  ...v11Examples,
};

describe('the severity table: one example per row (docs/rules.md)', () => {
  for (const id of RULE_IDS) {
    const row = RULE_TABLE[id];
    it(`${id}: ${row.severity} ${row.code} (${row.basis}: ${row.where})`, async () => {
      const found = id === 'lint-internal' ? lintInternal() : await exampleFindings(id);
      expect(
        found.map((d) => `${d.rule} ${d.code} ${d.severity} ${d.pointer}`),
        JSON.stringify(found),
      ).toContain(`${id} ${row.code} ${row.severity} ${id === 'lint-internal' ? '' : EXAMPLES[id].pointer}`);
    });
  }

  it('every row has an example, and every example a row', () => {
    expect(new Set([...Object.keys(EXAMPLES), 'lint-internal'])).toEqual(new Set(RULE_IDS));
  });
});

async function exampleFindings(id: Exclude<RuleId, 'lint-internal'>): Promise<Diagnostic[]> {
  return lintExample(EXAMPLES[id]);
}

/** A document whose every read throws: each rule reports `lint-internal` instead of crashing lint. */
function lintInternal(): Diagnostic[] {
  const hostile = new Proxy(
    {},
    {
      get() {
        throw new Error('hostile document');
      },
    },
  );
  const file = {
    uri: 'mem:hostile.yaml',
    text: '',
    document: hostile as never,
    positions: { rangeOf: () => ({ start: at, end: at }), keyRangeOf: () => undefined } as never,
  };
  return lintDocument({ file, sources: [], index: createOperationIndex([]), diagnostics: [] });
}
const at = { line: 1, column: 1, offset: 0 };

describe('the severity table and the code agree', () => {
  const sources = (dir: string): string[] =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter(
        (f) => f.endsWith('.ts') && !f.includes('generated') && !f.startsWith(path.join('lint', 'rules')),
      )
      .map((f) => readFileSync(path.join(dir, f), 'utf8'));
  const core = sources(path.join(repoRoot, 'packages/core/src'));
  const cli = sources(path.join(repoRoot, 'packages/cli/src'));

  it('every `rule:` a lint check reports is a row (TypeScript checks it too)', () => {
    const used = new Set(
      core.flatMap((text) => [...text.matchAll(/\brule: '([a-z-]+)'/g)].map((m) => m[1]!)),
    );
    expect([...used].filter((id) => !(id in RULE_TABLE))).toEqual([]);
  });

  it('every diagnostic code built outside lint (`code:` beside `severity:`) is a row, at that severity', () => {
    const built = [...core, ...cli].flatMap((text) =>
      [...text.matchAll(/\bcode: '([a-z-]+)',\s*\n\s*severity: '(error|warning)'/g)].map(
        (m) => `${m[1]} ${m[2]}`,
      ),
    );
    expect(built.length).toBeGreaterThan(3);
    const rows = new Set(Object.entries(RULE_TABLE).map(([id, r]) => `${id} ${r.severity}`));
    expect(built.filter((b) => !rows.has(b))).toEqual([]);
  });

  it('docs/rules.md is the rendering of the table', () => {
    const file = path.join(repoRoot, 'docs/rules.md');
    if (process.env.TELAIO_UPDATE_GENERATED === '1') writeFileSync(file, renderRuleTable());
    expect(readFileSync(file, 'utf8')).toBe(renderRuleTable());
  });
});

describe('severity overrides (--severity RULE=LEVEL)', () => {
  const d = (rule: string, code: string, severity: Diagnostic['severity']): Diagnostic => ({
    file: 'f',
    code,
    rule,
    severity,
    message: 'm',
    pointer: '',
    range: { start: at, end: at },
  });
  it('a rule id wins over its code; off drops the finding', () => {
    const overrides = parseSeverityOverrides([
      'parameter-invalid=error',
      'parameter-undeclared=warn, id-not-portable=off',
    ]);
    const out = applySeverityOverrides(
      [
        d('parameter-undeclared', 'parameter-invalid', 'warning'),
        d('parameter-required-missing', 'parameter-invalid', 'warning'),
        d('id-not-portable', 'id-not-portable', 'warning'),
      ],
      overrides,
    );
    expect(out.map((x) => `${x.rule} ${x.severity}`)).toEqual([
      'parameter-undeclared warning',
      'parameter-required-missing error',
    ]);
  });
  it('refuses an unknown rule or level, naming it', () => {
    expect(() => parseSeverityOverrides('nope=error')).toThrow(/unknown rule 'nope'/);
    expect(() => parseSeverityOverrides('schema=loud')).toThrow(/schema=error, schema=warning or schema=off/);
  });
});
