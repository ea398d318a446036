import type { SourceRange } from '../model/positions.js';

/** Severity of a diagnostic. */
export type Severity = 'error' | 'warning' | 'info';

/** Every diagnostic code telaio emits (CONTRACT.md lists the ones users rely on). */
export type DiagnosticCode =
  | 'yaml-syntax'
  | 'schema'
  | 'unsupported-version'
  | 'source-unresolved'
  | 'duplicate-id'
  | 'operation-unknown'
  | 'operation-ambiguous'
  | 'workflow-unknown'
  | 'step-unknown'
  | 'expression-invalid'
  | 'reference-unknown'
  | 'criterion-invalid'
  | 'parameter-invalid'
  | 'dependency-cycle'
  | (string & {});

/** One finding about one node of one file: plain data, formatted by pure functions. */
export interface Diagnostic {
  /** Absolute path or URL of the file the range refers to. */
  readonly file: string;
  /** Stable kebab-case code (`operation-unknown`, `schema`, ...), for filtering (CONTRACT.md). */
  readonly code: DiagnosticCode;
  /**
   * The row of the severity table (lint/rules/rule-table.ts, docs/rules.md) behind the finding,
   * finer than `code` (`parameter-undeclared` and `parameter-in-missing` are both `parameter-invalid`).
   * Set on everything lintDocument returns; producers before lint may leave it out (it is then `code`).
   */
  readonly rule?: string;
  /** `error` refuses the document (load and run); `warning` and `info` are reported only. */
  readonly severity: Severity;
  /** What is wrong, in one sentence, naming the offending value. */
  readonly message: string;
  /** 1-based line/column span of the offending node. */
  readonly range: SourceRange;
  /** JSON Pointer of the offending node (`/workflows/0/steps/1/operationId`). */
  readonly pointer: string;
}
