import { writeFile } from 'node:fs/promises';
import type { Masker } from '../mask/create-masker.js';
import { noColors } from '../report/no-colors.js';
import { colorsFor } from '../shared/colors-for.js';
import type { TestFormat } from './command.js';
import { formatTestGithub } from './format-test-github.js';
import { formatTestJunit } from './format-test-junit.js';
import { formatTestPretty } from './format-test-pretty.js';
import { formatTestSarif } from './format-test-sarif.js';
import type { TestReport } from './test-report.js';

/** The report formats of `telaio test`: one pure function each, over the masked report. */
export const TEST_REPORT_FORMATS: {
  readonly [F in TestFormat]: (report: TestReport, options: { cwd: string; toFile: boolean }) => string;
} = {
  pretty: (report, o) =>
    formatTestPretty(report, { cwd: o.cwd, colors: o.toFile ? noColors : colorsFor(process.stdout) }),
  json: (report) => `${JSON.stringify(report, null, 2)}\n`,
  junit: (report, o) => formatTestJunit(report, o),
  sarif: (report, o) => formatTestSarif(report, o),
  github: (report, o) => formatTestGithub(report, o),
};

/** Mask the report, format it, and write it to `--output` or stdout. A write failure rejects naming the file. */
export async function writeTestReport(options: {
  readonly report: TestReport;
  readonly masker: Masker;
  readonly format: TestFormat;
  readonly output: string | undefined;
  readonly cwd: string;
}): Promise<void> {
  const { masker, output } = options;
  const report = masker.value(options.report);
  const text = masker.text(
    TEST_REPORT_FORMATS[options.format](report, { cwd: options.cwd, toFile: output !== undefined }),
  );
  if (output === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    await writeFile(output, text);
  } catch (error) {
    throw new Error(`--output: cannot write '${output}': ${(error as Error).message}`);
  }
}
