import { writeFile } from 'node:fs/promises';
import type { Masker } from '../mask/create-masker.js';
import type { ReportFormat } from '../shared/flag-specs.js';
import { maskHtmlReport } from './html-mask-report.js';
import { renderHtmlPage } from './html-render-page.js';
import type { HtmlReport } from './html-types.js';

/** The writer of each `--report FORMAT FILE` format (the type makes this table and the flag's choices agree). */
const REPORT_WRITERS: Readonly<
  Record<ReportFormat, (report: HtmlReport, masker: Masker) => Promise<string>>
> = {
  html: async (report, masker) => {
    const masked = maskHtmlReport(report, masker);
    const { layoutRunGraphs } = await import('./html-layout-graphviz.js');
    return renderHtmlPage(masked, { revealed: masker.reveal, layouts: await layoutRunGraphs(masked.runs) });
  },
};

/**
 * Writes `--report FORMAT FILE`: the report masked as a whole (maskHtmlReport), its graphs laid out
 * by Graphviz (the one `telaio graph --format svg` uses; the simple layout if it cannot load), rendered, and the
 * text masked once more by value (`masker.text`), as every other report is. Rejects with an Error
 * naming the flag and the file when it cannot be written.
 */
export async function writeFileReport(options: {
  readonly format: ReportFormat;
  readonly file: string;
  readonly report: HtmlReport;
  readonly masker: Masker;
}): Promise<void> {
  const text = options.masker.text(await REPORT_WRITERS[options.format](options.report, options.masker));
  try {
    await writeFile(options.file, text);
  } catch (error) {
    throw new Error(`--report: cannot write '${options.file}': ${(error as Error).message}`);
  }
}
