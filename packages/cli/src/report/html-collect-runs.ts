import { readFile } from 'node:fs/promises';
import type { EngineHooks, InputProvider, PositionMap, RunResult } from '@telaio/core';
import { displayPath } from '../formatters/display-path.js';
import type { LoadedDocument } from '../run/engine-api.js';
import { buildHtmlRun } from './html-build-run.js';
import { createRunRecorder } from './html-record-run.js';
import type { HtmlReport, HtmlRun } from './html-types.js';

/** Collects the runs of one report page: a recorder per run, its section built when it ends. */
export interface HtmlRunCollector {
  /**
   * Hooks for one run of `document` (pass them to engine.run), its input providers wrapped so that
   * waits for them are timed (`watchInputs`), and `end` to call with its result.
   */
  start(document: LoadedDocument): {
    readonly hooks: EngineHooks;
    watchInputs(providers: Readonly<Record<string, InputProvider>>): Record<string, InputProvider>;
    end(result: RunResult): void;
  };
  /** The page, runs in the order their runs started, titled after the command and what ran. */
  report(command: 'run' | 'test'): HtmlReport;
}

/**
 * A collector of runs for `--report html` (`telaio run`: one, `telaio test`: every workflow). Each
 * run is recorded (createRunRecorder) and turned into its section when it ends, with its document's
 * graph and the lines of the Arazzo file, read once per document (`positions` loads them).
 */
export function createHtmlRunCollector(options: {
  readonly cwd: string;
  /** Where the nodes of each document's text sit (for Arazzo lines); see arazzoPositions. */
  readonly positions: (document: LoadedDocument) => PositionMap | undefined;
}): HtmlRunCollector {
  const runs: (HtmlRun | undefined)[] = [];
  return {
    start(document) {
      const recorder = createRunRecorder();
      const slot = runs.push(undefined) - 1;
      return {
        hooks: recorder.hooks,
        watchInputs: recorder.watchInputs,
        end(result) {
          const positions = options.positions(document);
          runs[slot] = buildHtmlRun({
            file: displayPath(document.uri, options.cwd),
            cwd: options.cwd,
            result,
            executions: recorder.executions(),
            document: document.document,
            sources: document.sources,
            ...(positions === undefined ? {} : { positions }),
          });
        },
      };
    },
    report(command) {
      const ended = runs.filter((run): run is HtmlRun => run !== undefined);
      const what =
        ended.length === 1
          ? `${ended[0]?.workflowId} (${ended[0]?.file})`
          : `${ended.length} workflow${ended.length === 1 ? '' : 's'}`;
      return { title: `telaio ${command}: ${what}`, createdAt: new Date().toISOString(), runs: ended };
    },
  };
}

/** The positions of a loaded document's text (read and parsed again, once), or undefined when unreadable. */
export async function arazzoPositions(document: LoadedDocument): Promise<PositionMap | undefined> {
  const { loadArazzoText } = await import('@telaio/core');
  const text = await readFile(document.uri, 'utf8').catch(() => undefined);
  return text === undefined ? undefined : loadArazzoText({ uri: document.uri, text }).file?.positions;
}
