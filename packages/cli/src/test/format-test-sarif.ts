import { RESPONSE_CHECKS, type ResponseCheckCode } from '@telaio/core';
import { sarifUri } from '../formatters/format-sarif.js';
import { describeFinding, stepProblem } from './describe-finding.js';
import type { TestReport } from './test-report.js';

/**
 * `--format sarif`: SARIF 2.1.0 for code scanning. A failed check is a result at the line of the
 * OpenAPI schema node it names (the Arazzo step as a related location); a step that failed for
 * another reason (criteria, transport) is a result at its Arazzo line. Rule ids: the check codes
 * (`status-code`, `content-type`, `schema`) and the run error codes. Pure; mask the report first.
 */
export function formatTestSarif(report: TestReport, options: { readonly cwd: string }): string {
  const { cwd } = options;
  const results: Record<string, unknown>[] = [];
  const region = (line: number, column: number) => ({
    startLine: Math.max(1, line),
    startColumn: Math.max(1, column),
  });
  for (const file of report.files) {
    for (const workflow of file.workflows) {
      for (const step of workflow.steps) {
        const arazzo = {
          physicalLocation: {
            artifactLocation: { uri: sarifUri(file.uri, cwd) },
            region: region(step.line, step.column),
          },
        };
        for (const finding of step.checks) {
          const at = finding.location;
          results.push({
            ruleId: finding.check,
            level: finding.severity === 'error' ? 'error' : 'warning',
            message: { text: `${workflow.workflowId} › ${step.stepId}: ${describeFinding(finding, cwd)}` },
            locations: [
              at === undefined
                ? arazzo
                : {
                    physicalLocation: {
                      artifactLocation: { uri: sarifUri(at.uri, cwd) },
                      region: region(at.line, at.column),
                    },
                    logicalLocations: [{ fullyQualifiedName: at.pointer, kind: 'element' }],
                  },
            ],
            relatedLocations: [{ id: 0, ...arazzo, message: { text: `step ${step.stepId}` } }],
            ...(finding.instancePointer === undefined
              ? {}
              : { properties: { instancePointer: finding.instancePointer, keyword: finding.keyword } }),
          });
        }
        const problem = stepProblem(step, cwd);
        if (problem !== undefined && step.errorCode !== 'response-check-failed')
          results.push({
            ruleId: step.errorCode ?? 'step-failed',
            level: 'error',
            message: { text: `${workflow.workflowId} › ${step.stepId}: ${problem}` },
            locations: [arazzo],
          });
      }
    }
  }
  const ids = [...new Set(results.map((r) => r.ruleId as string))].sort();
  const rules = ids.map((id) => ({
    id,
    shortDescription: {
      text:
        id in RESPONSE_CHECKS ? RESPONSE_CHECKS[id as ResponseCheckCode].summary : `the step failed: ${id}`,
    },
  }));
  for (const result of results) result.ruleIndex = ids.indexOf(result.ruleId as string);
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'telaio', informationUri: 'https://github.com/telaio/telaio', rules } },
        columnKind: 'unicodeCodePoints',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
