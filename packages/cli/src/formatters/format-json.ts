import { countSeverities } from './count-severities.js';
import { reportPath } from './report-path.js';
import type { DiagnosticFormatter } from './types.js';

/**
 * `--format json`: exactly CONTRACT.md's object,
 * `{"diagnostics":[{file,code,severity,message,line,column,endLine,endColumn,pointer}],"summary":{files,errors,warnings}}`.
 */
export const formatJson: DiagnosticFormatter = (diagnostics, options) => {
  const { errors, warnings } = countSeverities(diagnostics);
  const report = {
    diagnostics: diagnostics.map((d) => ({
      file: reportPath(d.file, { input: d.input, given: d.given, cwd: options.cwd }),
      code: d.code,
      severity: d.severity,
      message: d.message,
      line: d.range.start.line,
      column: d.range.start.column,
      endLine: d.range.end.line,
      endColumn: d.range.end.column,
      pointer: d.pointer,
    })),
    summary: { files: options.files.length, errors, warnings },
  };
  return `${JSON.stringify(report, null, 2)}\n`;
};
