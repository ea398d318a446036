/**
 * Throwaway Arazzo projects for the hostile-input suite: an OpenAPI description with one operation
 * (`GET /thing`, `getThing`) and an Arazzo document with one workflow (`hostile`) whose single step
 * calls it with the criteria, actions and outputs a test gives, written as YAML to a temp directory.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

/** The parts of the step a test sets. */
export interface HostileStep {
  readonly successCriteria?: readonly Record<string, unknown>[];
  readonly onFailure?: readonly Record<string, unknown>[];
  readonly outputs?: Record<string, string>;
  readonly requestBody?: Record<string, unknown>;
}

/** The OpenAPI description of the hostile API, with `serverUrl` as its server. */
export function hostileOpenApi(serverUrl: string): Record<string, unknown> {
  const operation = (operationId: string) => ({ operationId, responses: { '200': { description: 'ok' } } });
  return {
    openapi: '3.1.0',
    info: { title: 'hostile', version: '1' },
    servers: [{ url: serverUrl }],
    paths: { '/thing': { get: operation('getThing') } },
  };
}

/** The Arazzo document: workflow `hostile`, one step `call` with `step`'s parts. */
export function hostileArazzo(
  step: HostileStep,
  sourceUrl = './api.yaml',
  inputs?: Record<string, unknown>,
): Record<string, unknown> {
  return {
    arazzo: '1.0.1',
    info: { title: 'hostile', version: '1' },
    sourceDescriptions: [{ name: 'api', url: sourceUrl, type: 'openapi' }],
    workflows: [
      {
        workflowId: 'hostile',
        ...(inputs === undefined ? {} : { inputs }),
        steps: [{ stepId: 'call', operationId: 'getThing', ...step }],
      },
    ],
  };
}

/** A temp directory with `api.yaml` and `flow.arazzo.yaml` (plus `extra` files); the Arazzo path. */
export async function writeHostileProject(options: {
  readonly serverUrl: string;
  readonly step: HostileStep;
  /** The workflow's `inputs` schema. */
  readonly inputs?: Record<string, unknown>;
  readonly extra?: Record<string, string>;
}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'telaio-hostile-'));
  await writeFile(join(dir, 'api.yaml'), stringify(hostileOpenApi(options.serverUrl)));
  await writeFile(
    join(dir, 'flow.arazzo.yaml'),
    stringify(hostileArazzo(options.step, './api.yaml', options.inputs)),
  );
  for (const [name, text] of Object.entries(options.extra ?? {})) await writeFile(join(dir, name), text);
  return join(dir, 'flow.arazzo.yaml');
}
