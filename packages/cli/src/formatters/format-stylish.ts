import { createColors } from 'picocolors';
import { countSeverities } from './count-severities.js';
import { reportPath } from './report-path.js';
import type { DiagnosticFormatter } from './types.js';

/**
 * The default, human format: one line per diagnostic, `file:line:col  severity  code  message`
 * (1-based; `file` as typed on the command line, see reportPath), then a summary line. Colour only when `options.color` (stdout is a TTY).
 */
export const formatStylish: DiagnosticFormatter = (diagnostics, options) => {
  const c = createColors(options.color === true);
  const lines = diagnostics.map((d) => {
    const where = `${reportPath(d.file, { input: d.input, given: d.given, cwd: options.cwd })}:${d.range.start.line}:${d.range.start.column}`;
    const severity =
      d.severity === 'error'
        ? c.red('error')
        : d.severity === 'warning'
          ? c.yellow('warning')
          : c.blue('info');
    return `${c.bold(where)}  ${severity}  ${c.dim(d.code)}  ${d.message}`;
  });
  const { errors, warnings, infos } = countSeverities(diagnostics);
  const files = `${options.files.length} file${options.files.length === 1 ? '' : 's'}`;
  const total = errors + warnings + infos;
  const parts = [
    `${errors} error${errors === 1 ? '' : 's'}`,
    `${warnings} warning${warnings === 1 ? '' : 's'}`,
  ];
  if (infos > 0) parts.push(`${infos} info`);
  const summary =
    total === 0
      ? c.green(`✔ no problems in ${files}`)
      : (errors > 0 ? c.red : c.yellow)(
          `✖ ${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')}) in ${files}`,
        );
  return `${lines.length > 0 ? `${lines.join('\n')}\n\n` : ''}${summary}\n`;
};
