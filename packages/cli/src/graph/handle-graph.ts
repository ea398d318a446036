import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  buildDocumentGraph,
  type DocumentGraph,
  renderDot,
  renderMermaid,
  selectWorkflowGraph,
} from '@telaio/core';
import { lintDocument, resolveDocument } from '@telaio/core/lint';
import type { CommandHandler } from '../commands/command-spec.js';
import { displayPath } from '../formatters/display-path.js';
import { checkReadableFile } from '../shared/check-readable-file.js';
import { UsageError } from '../shared/usage-error.js';
import type { GraphFlags, GraphFormat } from './command.js';

/** The renderer of each format. */
const RENDERERS: Record<GraphFormat, (graph: DocumentGraph) => string | Promise<string>> = {
  mermaid: renderMermaid,
  dot: renderDot,
  svg: renderSvg,
};

/** The DOT rendering laid out by Graphviz (WebAssembly, loaded only here) as an SVG document. */
async function renderSvg(graph: DocumentGraph): Promise<string> {
  const { instance } = await import('@viz-js/viz');
  const result = (await instance()).render(renderDot(graph), { format: 'svg' });
  if (result.status !== 'success')
    throw new Error(`graphviz: ${result.errors.map((e) => e.message).join('; ')}`);
  return result.output;
}

/**
 * `telaio graph FILE`: resolves and lints FILE, reports its errors on stderr (`file:line:col`), draws
 * what can be read to stdout or --output. Exit 0 drawn, 1 errors, UsageError (2) for an unreadable
 * FILE or an unknown --workflow.
 */
export const handleGraph: CommandHandler<GraphFlags> = async ({ flags, positionals }) => {
  const file = positionals[0] ?? '';
  const shown = displayPath(file, process.cwd());
  const unreadable = await checkReadableFile(file);
  if (unreadable !== undefined) throw new UsageError(unreadable);
  const resolved = await resolveDocument(path.resolve(file), { cache: true });
  const errors = lintDocument(resolved).filter((d) => d.severity === 'error');
  for (const d of errors)
    process.stderr.write(
      `${displayPath(d.file, process.cwd())}:${d.range.start.line}:${d.range.start.column}: error ${d.message} (${d.code})\n`,
    );
  if (resolved.file === undefined) {
    process.stderr.write(`${shown}: nothing to draw\n`);
    return 1;
  }
  let graph = buildDocumentGraph(resolved.file.document, resolved.index);
  if (flags.workflow !== undefined) {
    const selected = selectWorkflowGraph(graph, flags.workflow);
    if (selected === undefined) {
      const known = graph.workflows.map((w) => w.workflowId).join(', ');
      throw new UsageError(
        `${shown}: no workflow '${flags.workflow}'`,
        known === '' ? undefined : `workflows: ${known}`,
      );
    }
    graph = selected;
  }
  const text = await RENDERERS[flags.format](graph);
  if (flags.output === undefined) process.stdout.write(text);
  else await writeFile(flags.output, text);
  if (errors.length > 0)
    process.stderr.write(`${shown}: ${errors.length} error(s); drawn where it could be\n`);
  return errors.length > 0 ? 1 : 0;
};
