/**
 * One line per diagnostic code, as CONTRACT.md defines them: SARIF's rule descriptions and the
 * `--help` list. Codes not listed (added later) are still reported, with a generic description.
 */
export const RULE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'yaml-syntax': 'The file is not parseable YAML or JSON.',
  schema:
    'The document breaks the Arazzo 1.0 schema: a missing required field, a wrong type, a bad pattern, an unknown field without x-.',
  'unsupported-version': "The 'arazzo' version is not one the engine supports.",
  'source-unresolved': 'A sourceDescriptions[].url cannot be loaded or parsed.',
  'file-unreadable': 'The file given on the command line cannot be read.',
  'duplicate-id':
    'A workflowId, stepId or sourceDescription name appears twice in its scope (or a parameter name+in twice: warning).',
  'operation-unknown': 'An operationId or operationPath matches no operation in the sources.',
  'operation-ambiguous': 'An unqualified operationId exists in more than one source.',
  'workflow-unknown': 'A workflowId (step, action, dependsOn) names no workflow.',
  'step-unknown': "A goto/retry action's stepId names no step of its workflow.",
  'expression-invalid': 'A runtime expression (whole, or embedded as {$...}) is not well formed.',
  'reference-unknown':
    'A well-formed expression names what does not exist: an undeclared input, a step not in the workflow, an undefined output, a missing component.',
  'criterion-invalid':
    'A criterion cannot be evaluated: bad simple syntax, a regex that does not compile, bad JSONPath or XPath, a missing context.',
  'parameter-invalid':
    'A parameter with no in on an operation step, or an in/name the operation does not define (a required path parameter not supplied: warning).',
  'dependency-cycle': 'dependsOn (or workflow steps) form a cycle.',
  'source-cycle': 'Arazzo documents name each other as sources in a cycle.',
  'lint-internal': 'A lint rule stopped early on this document (a telaio bug worth reporting).',
};

/** The description of `code`, or a generic one. */
export function describeRule(code: string): string {
  return RULE_DESCRIPTIONS[code] ?? `telaio diagnostic '${code}'.`;
}
