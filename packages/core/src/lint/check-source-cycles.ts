/**
 * Arazzo documents that name each other through `sourceDescriptions` (Arazzo 1.0.1 §4.6.3, type
 * `arazzo`). The sources resolver stops at a document already on its chain, so loading ends; this
 * rule says so, naming the documents (`source-cycle`, a warning: naming each other is allowed), and
 * refuses workflows that call each other across those documents through workflow steps
 * (`dependency-cycle`, an error: such a run can only go round until its step limit). Cycles inside
 * one document are checkDependencyCycles' to report.
 */
import { basename } from 'node:path';
import type { ArazzoFile, ResolvedSource } from '../sources/types.js';
import type { LintContext } from './lint-context.js';
import { asArray, asRecord, asString } from './read-node.js';

/** One Arazzo document of the source graph: its file and its resolved sources. */
interface Doc {
  readonly file: ArazzoFile;
  readonly sources: readonly ResolvedSource[];
}

/** Report source cycles and cross-document workflow cycles that start in the linted document. */
export function checkSourceCycles(context: LintContext): void {
  const docs = new Map<string, Doc>();
  collect(docs, { file: context.file, sources: context.sources });
  if (docs.size < 2) return;
  const name = (uri: string) => basename(uri);
  // Source cycles through the root: each sourceDescription that leads back to this document.
  context.sources.forEach((source, i) => {
    if (source.kind !== 'arazzo') return;
    const path = pathBack(docs, source.uri, context.file.uri, new Set());
    if (path === undefined) return;
    context.report({
      rule: 'source-cycle',
      message: `Arazzo sources name each other in a cycle: ${[context.file.uri, ...path].map(name).join(' → ')}`,
      pointer: `/sourceDescriptions/${i}/url`,
    });
  });
  // Workflow steps calling workflows of other documents, back to a workflow of this one.
  asArray(context.root.workflows).forEach((workflow, w) => {
    const start = asString(asRecord(workflow)?.workflowId);
    if (start === undefined) return;
    asArray(asRecord(workflow)?.steps).forEach((step, s) => {
      const target = callTarget(docs, context.file.uri, asString(asRecord(step)?.workflowId));
      if (target === undefined || target.uri === context.file.uri) return;
      const path = callsBack(docs, target, { uri: context.file.uri, id: start }, new Set());
      if (path === undefined) return;
      const names = [{ uri: context.file.uri, id: start }, target, ...path].map(
        (c) => `'${c.id}' (${name(c.uri)})`,
      );
      context.report({
        rule: 'cross-document-cycle',
        message: `workflows call each other across documents in a cycle: ${names.join(' → ')}`,
        pointer: `/workflows/${w}/steps/${s}/workflowId`,
      });
    });
  });
}

/** Every Arazzo document reachable from `doc`, by URI, each with the sources it was resolved with. */
function collect(docs: Map<string, Doc>, doc: Doc): void {
  const known = docs.get(doc.file.uri);
  if (known !== undefined && known.sources.length >= doc.sources.length) return;
  docs.set(doc.file.uri, doc);
  for (const source of doc.sources)
    if (source.kind === 'arazzo') collect(docs, { file: source.file, sources: source.sources });
}

/** The URIs from `from` to `to` through Arazzo sources (ending with `to`), or undefined. */
function pathBack(docs: Map<string, Doc>, from: string, to: string, seen: Set<string>): string[] | undefined {
  if (from === to) return [to];
  if (seen.has(from)) return undefined;
  seen.add(from);
  for (const source of docs.get(from)?.sources ?? []) {
    if (source.kind !== 'arazzo') continue;
    const rest = pathBack(docs, source.uri, to, seen);
    if (rest !== undefined) return [from, ...rest];
  }
  return undefined;
}

/** A workflow of a document. */
interface Call {
  readonly uri: string;
  readonly id: string;
}

/** The workflow a step's `workflowId` names from document `uri`: local, or `$sourceDescriptions.X.id`. */
function callTarget(docs: Map<string, Doc>, uri: string, ref: string | undefined): Call | undefined {
  if (ref === undefined) return undefined;
  const match = /^\$sourceDescriptions\.([^.]+)\.(.+)$/.exec(ref);
  if (match === null) return { uri, id: ref };
  const source = docs.get(uri)?.sources.find((s) => s.description?.name === match[1]);
  return source?.kind === 'arazzo' ? { uri: source.uri, id: match[2] as string } : undefined;
}

/** The calls from `from` (excluded) back to `to` (included) through workflow steps, or undefined. */
function callsBack(docs: Map<string, Doc>, from: Call, to: Call, seen: Set<string>): Call[] | undefined {
  const key = `${from.uri}#${from.id}`;
  if (seen.has(key)) return undefined;
  seen.add(key);
  const workflows = asArray(asRecord(docs.get(from.uri)?.file.document)?.workflows);
  const workflow = workflows.map(asRecord).find((w) => asString(w?.workflowId) === from.id);
  for (const step of asArray(workflow?.steps)) {
    const next = callTarget(docs, from.uri, asString(asRecord(step)?.workflowId));
    if (next === undefined) continue;
    if (next.uri === to.uri && next.id === to.id) return [to];
    const rest = callsBack(docs, next, to, seen);
    if (rest !== undefined) return [next, ...rest];
  }
  return undefined;
}
