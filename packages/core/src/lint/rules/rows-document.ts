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
  'source-ref-unresolved': {
    code: 'source-ref-unresolved',
    severity: 'warning',
    basis: 'portability',
    summary:
      'a `$ref` inside an OpenAPI source reaches nothing (a missing node or file) where no operation a step uses needs it: in an extension, an example, a link, an unused component; telaio resolves per used operation, tools that resolve the whole description may refuse it',
    where: 'Source Description Object, url (the referenced OpenAPI description)',
    sentence:
      'The resolution of further references within the referenced OpenAPI or AsyncAPI description (including Schema Object `$ref` and `$anchor` keywords) MUST follow the rules and guidance laid out by the OpenAPI Specification and AsyncAPI Specification respectively. (1.1.0)',
  },
  'operation-ref-unresolved': {
    code: 'source-unresolved',
    severity: 'error',
    basis: 'impossible',
    summary:
      'an operation a step uses needs a `$ref` of its source (parameters, request body, responses) that cannot be resolved: the request cannot be built as described',
    where: 'Step Object, operationId and operationPath',
    sentence:
      'The name of an existing, resolvable operation, as defined with a unique `operationId` and existing within one of the `sourceDescriptions`.',
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
