import type { RuleRow } from './rule-table.js';

/** Findings of loading: the file, its YAML, its version, its schema and its sources. */
export const documentRows = {
  'file-unreadable': {
    code: 'file-unreadable',
    severity: 'error',
    basis: 'impossible',
    summary: 'the file cannot be read',
    where: 'Arazzo Description',
    sentence: 'A self-contained document (or set of documents) which defines or describes API workflows.',
  },
  'yaml-syntax': {
    code: 'yaml-syntax',
    severity: 'error',
    basis: 'MUST',
    summary:
      'the file is not parseable YAML or JSON (or uses what YAML 1.2 JSON-schema tags and string keys exclude)',
    where: 'Format',
    sentence:
      'Tags MUST be limited to those allowed by the JSON Schema ruleset. Keys used in YAML maps MUST be limited to a scalar string.',
  },
  'unsupported-version': {
    code: 'unsupported-version',
    severity: 'error',
    basis: 'MUST',
    summary: '`arazzo` names a version telaio does not implement',
    where: 'Arazzo Specification Object, arazzo',
    sentence: 'The `arazzo` field MUST be used by tooling to interpret the Arazzo Description.',
  },
  schema: {
    code: 'schema',
    severity: 'error',
    basis: 'MUST',
    summary:
      'breaks the Arazzo schema: a missing REQUIRED field, a wrong type or value, an unknown field without `x-`, a components key outside `^[a-zA-Z0-9.\\-_]+$`',
    where: 'Fixed fields of every object; Components Object',
    sentence:
      'All the fixed fields declared above are objects that MUST use keys that match the regular expression: `^[a-zA-Z0-9\\.\\-_]+$`. (and every field marked REQUIRED)',
  },
  'source-unresolved': {
    code: 'source-unresolved',
    severity: 'error',
    basis: 'impossible',
    summary: 'a `sourceDescriptions[].url` cannot be loaded or parsed',
    where: 'Source Description Object, url',
    sentence: 'REQUIRED. A URL to a source description to be used by a workflow.',
  },
  'lint-internal': {
    code: 'lint-internal',
    severity: 'warning',
    basis: 'telaio',
    summary:
      'a check of telaio stopped early on a strange document (a telaio bug, not a finding about the document)',
    where: '(none)',
    sentence: '(none: telaio reports its own failure instead of hiding the other findings)',
  },
} as const satisfies Record<string, RuleRow>;
