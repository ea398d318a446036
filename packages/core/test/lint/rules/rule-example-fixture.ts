/**
 * Test helper for the severity table: a small document set served from memory (an OpenAPI source,
 * a second one sharing an operationId, an Arazzo source), resolved and linted for real.
 */
import path from 'node:path';
import { type Diagnostic, lintDocument, resolveDocument, type SourceLoader, TelaioError } from '@telaio/core';

const DIR = path.resolve('/virtual/rules');

/** One example that triggers a rule: the document text and the pointer the finding must be at. */
export interface RuleExample {
  readonly text: string;
  readonly pointer: string;
  /** The file to lint, when not the default document (e.g. one that does not exist). */
  readonly file?: string;
}

const FILES: Record<string, string> = {
  'pets.yaml': `openapi: 3.0.3
info: {title: pets, version: '1'}
paths:
  /pets:
    get:
      operationId: listPets
      parameters: [{name: limit, in: query, schema: {type: integer}}]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: array, items: {type: object, additionalProperties: false, properties: {id: {type: string}}}}
  /pets/{petId}:
    get:
      operationId: getPet
      parameters: [{name: petId, in: path, required: true, schema: {type: string}}]
      responses: {'200': {description: ok}}
`,
  'more.yaml': `openapi: 3.0.3
info: {title: more, version: '1'}
paths:
  /more:
    get:
      operationId: listPets
      responses: {'200': {description: ok}}
`,
  'orders.asyncapi.yaml': `asyncapi: 3.0.0
info: {title: orders, version: '1'}
channels:
  placed: {address: orders.placed, messages: {placed: {payload: {type: object}}}}
  confirmed: {address: orders.confirmed, messages: {confirmed: {payload: {type: object}}}}
operations:
  placeOrder: {action: send, channel: {$ref: '#/channels/placed'}}
  confirmOrder: {action: receive, channel: {$ref: '#/channels/confirmed'}}
`,
  'refs.yaml': `openapi: 3.0.3
info: {title: refs, version: '1'}
x-logo: {$ref: '#/components/x-assets/logo'}
paths:
  /orders:
    post:
      operationId: placeOrder
      requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Order'}}}}
      responses: {'201': {description: created}}
`,
  // An operation whose operationId is also a Source Description Object field name (1.1 resolution order).
  'shadow.yaml': `openapi: 3.0.3
info: {title: shadow, version: '1'}
paths:
  /url:
    get:
      operationId: url
      responses: {'200': {description: ok}}
`,
  // A 1.1 document with an identity (`$self`) other than its location here.
  'canonical.arazzo.yaml': `arazzo: 1.1.0
$self: https://workflows.example.com/canonical/purchase.arazzo.yaml
info: {title: canonical, version: '1'}
sourceDescriptions:
  - {name: pets, url: /virtual/rules/pets.yaml, type: openapi}
workflows:
  - workflowId: buy
    steps:
      - {stepId: one, operationId: listPets}
`,
  'flows.arazzo.yaml': `arazzo: 1.0.1
info: {title: flows, version: '1'}
sourceDescriptions:
  - {name: pets, url: ./pets.yaml, type: openapi}
workflows:
  - workflowId: remote
    steps:
      - {stepId: one, operationId: listPets}
`,
  // Names the document under test back (a source cycle); its workflow calls that document's `main`.
  'cycle.arazzo.yaml': `arazzo: 1.0.1
info: {title: cycle, version: '1'}
sourceDescriptions:
  - {name: doc, url: ./doc.arazzo.yaml, type: arazzo}
workflows:
  - workflowId: back
    steps:
      - {stepId: again, workflowId: $sourceDescriptions.doc.main}
`,
};

/** The sources line of a document: `pets` by default. */
export const PETS = '  - {name: pets, url: ./pets.yaml, type: openapi}\n';
export const MORE = '  - {name: more, url: ./more.yaml, type: openapi}\n';
export const ORDERS = '  - {name: orders, url: ./orders.asyncapi.yaml, type: asyncapi}\n';
export const FLOWS = '  - {name: flows, url: ./flows.arazzo.yaml, type: arazzo}\n';
export const SHADOW = '  - {name: shadow, url: ./shadow.yaml, type: openapi}\n';
export const CANONICAL = '  - {name: canon, url: ./canonical.arazzo.yaml, type: arazzo}\n';
export const REFS = '  - {name: refs, url: ./refs.yaml, type: openapi}\n';
export const CYCLE = '  - {name: cycle, url: ./cycle.arazzo.yaml, type: arazzo}\n';

/** A document with the given workflows (YAML list items, indented two spaces) and sources. */
export function doc(workflows: string, sources = PETS, rest = ''): string {
  return `arazzo: 1.0.1\ninfo: {title: t, version: '1'}\nsourceDescriptions:\n${sources}workflows:\n${workflows}${rest}`;
}

/** One workflow `main` with the given steps (YAML, indented six spaces) and workflow-level lines. */
export function main(steps: string, extra = ''): string {
  return `  - workflowId: main\n${extra}    steps:\n${steps}`;
}

/** Resolve and lint an example (sources from memory, the document as given). */
export async function lintExample(example: RuleExample): Promise<Diagnostic[]> {
  const file = example.file ?? path.join(DIR, 'doc.arazzo.yaml');
  const loader: SourceLoader = {
    async load(uri) {
      if (uri === file && example.file === undefined) return { uri, text: example.text };
      const text = FILES[path.relative(DIR, uri)];
      if (text === undefined) throw new TelaioError('source-unresolved', `file not found: ${uri}`);
      return { uri, text };
    },
  };
  const text = example.file === undefined ? { text: example.text } : {};
  return lintDocument(await resolveDocument(file, { loader, cache: false, ...text }));
}
