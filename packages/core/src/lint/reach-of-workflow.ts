/**
 * What one workflow of a document reaches, so that a run refuses only for errors there: the
 * workflow itself, the workflows it calls or depends on (steps, actions, dependsOn, transitively),
 * the source descriptions and components they use (components transitively, through
 * `$components.*` expressions and `#/components/...` `$ref`s), and the files of the sources it uses
 * (a nested Arazzo document in full). Everything else of the document is outside its reach.
 */
import type { ArazzoDocument } from '../model/arazzo.js';
import type { ResolvedSource } from '../sources/types.js';

/** The parts of a document that a workflow reaches. */
export interface WorkflowReach {
  /** JSON Pointer prefixes in the entry document (`/workflows/2`, `/sourceDescriptions/0`, `/components/inputs/x`). */
  readonly pointers: readonly string[];
  /** Local workflowIds reached, the chosen one included. */
  readonly workflowIds: ReadonlySet<string>;
  /** URIs of the source files reached (OpenAPI files, nested Arazzo documents). */
  readonly files: ReadonlySet<string>;
  /** URIs of the source files of the document that the workflow does not reach. */
  readonly otherFiles: ReadonlySet<string>;
}

const SOURCE_REF = /\$sourceDescriptions\.([A-Za-z0-9_-]+)/g;
const COMPONENT_REF = /\$components\.([A-Za-z]+)\.([A-Za-z0-9.\-_]+)/g;
const JSON_REF = /^#\/components\/([^/]+)\/([^/]+)/;

/** Every string under `node` with the key it sits under (array items inherit their array's key). */
function* strings(node: unknown, key = ''): Generator<[string, string]> {
  if (typeof node === 'string') yield [key, node];
  else if (Array.isArray(node)) for (const item of node) yield* strings(item, key);
  else if (node !== null && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) yield* strings(v, k);
}

/** The longest declared component name of `type` that `text` starts with (names may hold dots). */
function componentName(document: ArazzoDocument, type: string, text: string): string | undefined {
  const declared = Object.keys((document.components as Record<string, object> | undefined)?.[type] ?? {});
  return declared
    .filter((name) => text === name || text.startsWith(`${name}.`))
    .sort((a, b) => b.length - a.length)[0];
}

/** The reach of `workflowId` in `document` (whose resolved sources are `sources`). */
export function reachOfWorkflow(options: {
  readonly document: ArazzoDocument;
  readonly workflowId: string;
  readonly sources: readonly ResolvedSource[];
}): WorkflowReach {
  const { document, sources } = options;
  const workflows = document.workflows ?? [];
  const descriptions = document.sourceDescriptions ?? [];
  const pointers = new Set<string>();
  const workflowIds = new Set<string>();
  const sourceNames = new Set<string>();
  const pending: [string, unknown][] = [];
  const addWorkflow = (id: string): void => {
    const index = workflows.findIndex((w) => w.workflowId === id);
    if (index < 0 || workflowIds.has(id)) return;
    workflowIds.add(id);
    pending.push([`/workflows/${index}`, workflows[index]]);
  };
  const addComponent = (type: string, name: string): void => {
    const pointer = `/components/${type}/${name}`;
    const value = (document.components as Record<string, Record<string, unknown>> | undefined)?.[type]?.[
      name
    ];
    if (value === undefined || pointers.has(pointer)) return;
    pending.push([pointer, value]);
  };
  addWorkflow(options.workflowId);
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [pointer, node] = next;
    pointers.add(pointer);
    for (const [key, text] of strings(node)) {
      for (const m of text.matchAll(SOURCE_REF)) sourceNames.add(m[1] ?? '');
      for (const m of text.matchAll(COMPONENT_REF)) {
        const name = componentName(document, m[1] ?? '', m[2] ?? '');
        if (name !== undefined) addComponent(m[1] ?? '', name);
      }
      const ref = key === '$ref' ? JSON_REF.exec(text) : null;
      if (ref !== null) addComponent(decodeURIComponent(ref[1] ?? ''), decodeURIComponent(ref[2] ?? ''));
      if ((key === 'workflowId' || key === 'dependsOn') && !text.startsWith('$')) addWorkflow(text);
      if (key === 'operationId' && !text.startsWith('$')) {
        // Unqualified: any OpenAPI-like source may hold it; `name.op` (Respect's short form) names one.
        const prefix = descriptions.find((d) => text.startsWith(`${d.name}.`));
        for (const d of prefix === undefined ? descriptions : [prefix])
          if (d.type !== 'arazzo') sourceNames.add(d.name);
      }
    }
  }
  const files = new Set<string>();
  const otherFiles = new Set<string>();
  descriptions.forEach((d, index) => {
    const reached = sourceNames.has(d.name);
    if (reached) pointers.add(`/sourceDescriptions/${index}`);
    for (const s of sources) if (s.description.name === d.name) collectFiles(s, reached ? files : otherFiles);
  });
  return { pointers: [...pointers], workflowIds, files, otherFiles };
}

/** A source's file and, for a nested Arazzo document, the files of its own sources. */
function collectFiles(source: ResolvedSource, files: Set<string>): void {
  files.add(source.uri);
  if (source.kind === 'arazzo') {
    files.add(source.file.uri);
    for (const nested of source.sources) collectFiles(nested, files);
  }
}
