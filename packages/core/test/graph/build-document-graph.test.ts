/**
 * Arazzo 1.0.1 §4.6.4 (Workflow Object: steps, dependsOn, successActions/failureActions), §4.6.5 (Step
 * Object: operationId, operationPath, workflowId, onSuccess, onFailure), §4.6.6-7 (Success and
 * Failure Action Objects: end, goto, retry with retryAfter and retryLimit), §4.6.8 (reusable actions):
 * the graph model `telaio graph` draws from, checked node by node and edge by edge.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocumentGraph } from '../../src/graph/build-document-graph.js';
import type { DocumentGraph } from '../../src/graph/graph-types.js';
import { selectWorkflowGraph } from '../../src/graph/select-workflow-graph.js';
import { resolveDocument } from '../../src/sources/resolve-document.js';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');

async function graphOf(file: string): Promise<DocumentGraph> {
  const resolved = await resolveDocument(path.resolve(repoRoot, file), { cache: false });
  if (resolved.file === undefined) throw new Error(`not loaded: ${file}`);
  return buildDocumentGraph(resolved.file.document, resolved.index);
}

/** Edges as `from -kind-> to label` lines, stepIds instead of node ids. */
function edgeLines(graph: DocumentGraph): string[] {
  const names = new Map<string, string>();
  for (const w of graph.workflows) {
    names.set(w.id, `[${w.workflowId}]`);
    for (const s of w.steps) names.set(s.id, s.stepId);
  }
  const name = (id: string) => names.get(id) ?? id.replace(/^\d+\./, '');
  return graph.edges.map(
    (e) =>
      `${name(e.from)} -${e.kind}${e.failure ? '!' : ''}-> ${name(e.to)}${e.label === '' ? '' : ` ${e.label}`}`,
  );
}

describe('graph of the seed workflows (§4.6.4 steps in order, §4.6.5 operationId and its source)', () => {
  const seeds = [
    [
      'specs/arazzo/stytch-b2b-totp-enrollment-workflow.yml',
      'totp-enrollment',
      ['createTotp POST /v1/b2b/totp', 'authenticateTotp POST /v1/b2b/totp/authenticate'],
    ],
    [
      'specs/arazzo/stytch-totp-enrollment-workflow.yml',
      'totp-enrollment',
      [
        'createUser POST /v1/users',
        'createTotp POST /v1/totps',
        'authenticateTotp POST /v1/totps/authenticate',
      ],
    ],
    [
      'specs/arazzo/stytch-b2b-recovery-codes-rotate-workflow.yml',
      'recovery-codes-rotate',
      [
        'getRecoveryCodes GET /v1/b2b/recovery_codes/{organization_id}/{member_id}',
        'rotateRecoveryCodes POST /v1/b2b/recovery_codes/rotate',
      ],
    ],
  ] as const;
  for (const [file, workflowId, steps] of seeds)
    it(`${path.basename(file)}: ${steps.length} operation steps in order, start → … → done`, async () => {
      const graph = await graphOf(file);
      expect(graph.workflows.map((w) => w.workflowId)).toEqual([workflowId]);
      const [workflow] = graph.workflows;
      expect(workflow?.steps.map((s) => `${s.stepId} ${s.operation}`)).toEqual(steps);
      expect(workflow?.steps.every((s) => s.kind === 'operation' && s.source !== undefined)).toBe(true);
      const ids = steps.map((s) => s.split(' ')[0]);
      expect(edgeLines(graph)).toEqual([
        `start -start-> ${ids[0]}`,
        ...ids.map((id, i) => `${id} -next-> ${ids[i + 1] ?? 'done'}`),
      ]);
      expect(workflow?.terminals).toEqual(['start', 'done']);
    });
});

describe('graph of a workflow with goto, retry, end, a nested workflow and dependsOn (§4.6.4-4.6.8)', () => {
  const file = 'packages/core/test/fixtures/graph/shop.arazzo.yml';

  it('every node and edge', async () => {
    const graph = await graphOf(file);
    const order = graph.workflows[1];
    expect(order?.dependsOn).toEqual(['login']);
    expect(order?.steps.map((s) => [s.stepId, s.kind, s.operation ?? s.target, s.source])).toEqual([
      ['session', 'workflow', 'login', undefined],
      ['place', 'operation', 'POST /orders', 'shop'],
      ['read', 'operation', 'GET /orders/{id}', 'shop'],
      ['done', 'operation', 'GET /orders/{id}', 'shop'],
    ]);
    expect(order?.terminals).toEqual(['start', 'done', 'failed']);
    expect(edgeLines(graph)).toEqual([
      'start -start-> logIn',
      'logIn -next-> done',
      'start -start-> session',
      'session -call-> [login] calls',
      'session -next-> place',
      "place -goto-> done skipRead: goto when $response.header.X-Cached == 'yes'",
      'place -next-> read',
      'place -retry!-> place busy: retry ≤3 after 2s when $statusCode == 503',
      'place -end!-> failed giveUp: end',
      'read -next-> done',
      'read -goto!-> [login] relogin: goto',
      'done -end-> done finish: end',
      '[login] -depends-> [order] dependsOn',
    ]);
  });

  it('--workflow keeps the workflow and what it calls or depends on; a lone workflow alone', async () => {
    const graph = await graphOf(file);
    expect(selectWorkflowGraph(graph, 'order')?.workflows.map((w) => w.workflowId)).toEqual([
      'login',
      'order',
    ]);
    const login = selectWorkflowGraph(graph, 'login');
    expect(login?.workflows.map((w) => w.workflowId)).toEqual(['login']);
    expect(login?.edges.every((e) => e.from.startsWith('0.') || e.from === 'workflow:0')).toBe(true);
    expect(selectWorkflowGraph(graph, 'nope')).toBeUndefined();
  });

  it('a broken document (§4.6.4 steps missing, actions without a type) is drawn as far as it goes', () => {
    const graph = buildDocumentGraph({
      workflows: [
        { workflowId: 'w' },
        null,
        { workflowId: 'v', steps: [{ stepId: 'a', onFailure: [{ name: 'x' }] }] },
      ],
    } as never);
    expect(graph.workflows.map((w) => [w.workflowId, w.steps.length])).toEqual([
      ['w', 0],
      ['v', 1],
    ]);
    expect(edgeLines(graph)).toEqual(['start -start-> a', 'a -next-> done']);
  });
});
