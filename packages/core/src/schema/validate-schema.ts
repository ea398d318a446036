import type { Diagnostic } from '../lint/diagnostic.js';
import type { ArazzoFile } from '../sources/types.js';
import { collapseSchemaErrors } from './collapse-schema-errors.js';
import { compileArazzoSchema, featureSetOf, SUPPORTED_FEATURE_SETS } from './compile-arazzo-schema.js';

const EMPTY_DOCUMENT =
  'the document is empty; an Arazzo document is an object with arazzo, info, sourceDescriptions and workflows';

/**
 * Check a loaded Arazzo file against telaio's schema of the version its own `arazzo` field names
 * (1.0.x or 1.1.x, the patch ignored): each file of a multi-document description by its own version.
 * Returns `schema` diagnostics pointing at the offending node (at the key for unknown properties), or
 * a single `unsupported-version` diagnostic when `arazzo` is a string naming another version (no
 * schema says anything useful about it). When `arazzo` is missing or not a string, the 1.0 schema
 * reports that. An empty document (no text, only comments, `~` or `null`) is one `schema` diagnostic
 * at 1:1 saying so.
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
  const featureSet = featureSetOf(version);
  if (typeof version === 'string' && featureSet === undefined) {
    return [
      {
        file: file.uri,
        code: 'unsupported-version',
        severity: 'error',
        message: `unsupported Arazzo version '${version}': telaio supports ${SUPPORTED_FEATURE_SETS.map((v) => `${v}.x`).join(' and ')}`,
        range: file.positions.rangeOf('/arazzo'),
        pointer: '/arazzo',
      },
    ];
  }
  const errors = compileArazzoSchema(featureSet)(doc);
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
