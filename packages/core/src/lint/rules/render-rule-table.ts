import type { RuleRow } from './rule-table.js';
import { RULE_TABLE } from './rule-table.js';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * docs/rules.md: the severity table as Markdown, one row per rule (id, code, severity, basis,
 * what it reports, the spec sentence and where it stands). A test keeps the checked-in file equal
 * to this; `TELAIO_UPDATE_GENERATED=1 npx vitest run packages/core/test/lint/rule-table` rewrites it.
 */
export function renderRuleTable(): string {
  const rows = Object.entries(RULE_TABLE as Record<string, RuleRow>);
  const errors = rows.filter(([, r]) => r.severity === 'error').length;
  const lines = [
    '# telaio lint rules and their severities',
    '',
    '<!-- Generated from packages/core/src/lint/rules/ by renderRuleTable(); do not edit by hand. -->',
    '',
    'Every finding of `telaio validate` (and of `run`, which refuses a document only for errors) comes from one',
    "rule below. A rule's severity comes from the specification's own words (Arazzo 1.0.1, the same sentences",
    'in 1.1.0 unless said): a **MUST** violation, or anything that makes a step **impossible** to run, is an',
    '`error`; a **SHOULD**, a **RECOMMENDED**, a **portability** concern, or what only the published JSON',
    'Schema and not the text forbids (**schema-only**) is a `warning`. Diagnostics carry the `code` (several',
    'rules share one, as CONTRACT.md lists them) and the `rule` id. Overrides name a rule id or a code:',
    '`--severity parameter-undeclared=error,id-not-portable=off`.',
    '',
    `${rows.length} rules: ${errors} errors, ${rows.length - errors} warnings.`,
    '',
    '| rule | code | severity | basis | reports | spec sentence | where |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      ([id, r]) =>
        `| \`${id}\` | \`${r.code}\` | ${r.severity} | ${r.basis} | ${cell(r.summary)} | ${cell(r.sentence)} | ${cell(r.where)} |`,
    ),
    '',
  ];
  return lines.join('\n');
}
