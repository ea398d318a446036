import type { Diagnostic } from '../lint/diagnostic.js';
import type { ArazzoFile } from '../sources/types.js';
import { collapseSchemaErrors } from './collapse-schema-errors.js';
import { compileArazzoSchema } from './compile-arazzo-schema.js';

const SUPPORTED = /^1\.0\.\d+(-.+)?$/;

const EMPTY_DOCUMENT =
  'the document is empty; an Arazzo document is an object with arazzo, info, sourceDescriptions and workflows';

/**
 * Check a loaded Arazzo file against telaio's Arazzo 1.0.x schema. Returns `schema` diagnostics
 * pointing at the offending node (at the key for unknown properties), or a single
 * `unsupported-version` diagnostic when `arazzo` names a version other than 1.0.x (the 1.0 schema
 * says nothing useful about another version). An empty document (no text, only comments, `~` or
 * `null`) is one `schema` diagnostic at 1:1 saying so.
 */
export function validateSchema(file: ArazzoFile): Diagnostic[] {
  const doc = file.document as unknown;
  if (doc === null || doc === undefined) {
    const at = { line: 1, column: 1, offset: 0 };
    return [
      {
        file: file.uri,
        code: 'schema',
        severity: 'error',
        message: EMPTY_DOCUMENT,
        range: { start: at, end: at },
        pointer: '',
      },
    ];
  }
  const version =
    doc !== null && typeof doc === 'object' ? (doc as Record<string, unknown>).arazzo : undefined;
  if (typeof version === 'string' && !SUPPORTED.test(version)) {
    return [
      {
        file: file.uri,
        code: 'unsupported-version',
        severity: 'error',
        message: `unsupported Arazzo version '${version}': telaio supports 1.0.x`,
        range: file.positions.rangeOf('/arazzo'),
        pointer: '/arazzo',
      },
    ];
  }
  const errors = compileArazzoSchema()(doc);
  if (errors.length === 0) return [];
  return collapseSchemaErrors({ errors }).map((problem) => ({
    file: file.uri,
    code: 'schema',
    severity: 'error',
    message: problem.message,
    range:
      (problem.atKey ? file.positions.keyRangeOf(problem.pointer) : undefined) ??
      file.positions.rangeOf(problem.pointer),
    pointer: problem.pointer,
  }));
}
