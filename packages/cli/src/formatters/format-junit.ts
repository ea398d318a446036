import { countSeverities } from './count-severities.js';
import { reportPath } from './report-path.js';
import type { DiagnosticFormatter } from './types.js';

/** Escape text for XML attributes and content, dropping characters XML 1.0 cannot carry. */
function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * `--format junit`: one testsuite per FILE holding one testcase; the testcase fails when the file
 * has errors, the failure listing every error (warnings go to system-out).
 */
export const formatJunit: DiagnosticFormatter = (diagnostics, options) => {
  const suites = options.files.map((input, index) => {
    const own = diagnostics.filter((d) => d.input === input);
    const given = options.given?.[index];
    const name = xml(reportPath(input, { input, given, cwd: options.cwd }));
    const line = (d: (typeof own)[number]): string =>
      `${reportPath(d.file, { input, given, cwd: options.cwd })}:${d.range.start.line}:${d.range.start.column} ${d.severity} ${d.code} ${d.message}`;
    const errors = own.filter((d) => d.severity === 'error');
    const others = own.filter((d) => d.severity !== 'error');
    const failure =
      errors.length === 0
        ? ''
        : `\n      <failure message="${errors.length} error${errors.length === 1 ? '' : 's'}" type="telaio.validate">${xml(errors.map(line).join('\n'))}</failure>`;
    const out =
      others.length === 0 ? '' : `\n      <system-out>${xml(others.map(line).join('\n'))}</system-out>`;
    return [
      `  <testsuite name="${name}" tests="1" failures="${errors.length === 0 ? 0 : 1}" errors="0" skipped="0">`,
      `    <testcase name="validate ${name}" classname="${name}">${failure}${out}${failure === '' && out === '' ? '</testcase>' : '\n    </testcase>'}`,
      '  </testsuite>',
    ].join('\n');
  });
  const failed = options.files.filter(
    (f) => countSeverities(diagnostics.filter((d) => d.input === f)).errors > 0,
  ).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="telaio validate" tests="${options.files.length}" failures="${failed}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};
