/**
 * Splits a document's diagnostics into those that affect one workflow (inside its reach, or
 * document-wide: the version, `info`, the shape of the top-level lists) and those that do not (in
 * another workflow, a source or a component it never uses, or a file only those reach).
 */
import type { Diagnostic } from './diagnostic.js';
import type { WorkflowReach } from './reach-of-workflow.js';

/** Pointers to one item of these lists belong to that item; anything else in the entry file is document-wide. */
const ITEM = /^\/(workflows|sourceDescriptions)\/\d+(\/|$)|^\/components\/[^/]+\/[^/]+(\/|$)/;

/** True when `pointer` is `prefix` or inside it. */
function within(pointer: string, prefix: string): boolean {
  return pointer === prefix || pointer.startsWith(`${prefix}/`);
}

/**
 * `affecting`: the diagnostics of `uri` (the entry document) inside `reach` or document-wide, and
 * those of the files it reaches (or of files it cannot place); `outside`: the rest, in order.
 */
export function partitionByReach(options: {
  readonly diagnostics: readonly Diagnostic[];
  readonly uri: string;
  readonly reach: WorkflowReach;
}): { affecting: Diagnostic[]; outside: Diagnostic[] } {
  const { uri, reach } = options;
  const affecting: Diagnostic[] = [];
  const outside: Diagnostic[] = [];
  for (const d of options.diagnostics) {
    const elsewhere =
      d.file === uri
        ? ITEM.test(d.pointer) && !reach.pointers.some((p) => within(d.pointer, p))
        : reach.otherFiles.has(d.file) && !reach.files.has(d.file);
    (elsewhere ? outside : affecting).push(d);
  }
  return { affecting, outside };
}
