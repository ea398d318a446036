import type { DiagnosticCode } from '../diagnostic.js';
import { documentRows } from './rows-document.js';
import { expressionRows } from './rows-expressions.js';
import { structureRows } from './rows-structure.js';
import { targetRows } from './rows-targets.js';
import { v11Rows } from './rows-v11.js';

/**
 * Why a rule has its severity, in the specification's own terms: a `MUST` of the text or something
 * that makes a step `impossible` to run is an error; a `SHOULD`, a `RECOMMENDED`, a `portability`
 * concern, or what only the published JSON Schema (`schema-only`), not the text, forbids is a
 * warning; `telaio` marks a finding about telaio itself, not about the document.
 */
export type RuleBasis =
  | 'MUST'
  | 'impossible'
  | 'SHOULD'
  | 'RECOMMENDED'
  | 'portability'
  | 'schema-only'
  | 'telaio';

/** One row of the severity table: a lint rule, the code it reports under, and the sentence behind it. */
export interface RuleRow {
  /** The diagnostic code findings carry (CONTRACT.md's codes, and more); several rules may share one. */
  readonly code: DiagnosticCode;
  /** `error` refuses the document (validate exit 1, run and load refuse); `warning` is reported only. */
  readonly severity: 'error' | 'warning';
  /** Why that severity. */
  readonly basis: RuleBasis;
  /** What the rule reports, in one line. */
  readonly summary: string;
  /** Where the sentence stands (section and field); the same wording in 1.0.1 and 1.1.0 unless said. */
  readonly where: string;
  /** The specification's sentence behind the rule, quoted. */
  readonly sentence: string;
}

/** Severities a rule may be set to by the user (`off` drops its findings). */
export type SeverityOverride = 'error' | 'warning' | 'off';

/**
 * The severity table: every lint rule telaio has, with the diagnostic code it reports under, its
 * severity and the specification sentence behind it. Rules report through this table (so a rule
 * cannot disagree with it), docs/rules.md is rendered from it, and `--severity` overrides name its
 * ids (or codes). Add a row here (in the file of its stage) to add a rule.
 */
export const RULE_TABLE = {
  ...documentRows,
  ...structureRows,
  ...targetRows,
  ...expressionRows,
  ...v11Rows,
} as const satisfies Record<string, RuleRow>;

/** The id of a row of the severity table. */
export type RuleId = keyof typeof RULE_TABLE;

/** The row of a rule id, or undefined for an id the table does not have. */
export function ruleRow(id: string): RuleRow | undefined {
  return Object.hasOwn(RULE_TABLE, id) ? (RULE_TABLE as Record<string, RuleRow>)[id] : undefined;
}

/** Every rule id, in table order. */
export const RULE_IDS = Object.keys(RULE_TABLE) as readonly RuleId[];
