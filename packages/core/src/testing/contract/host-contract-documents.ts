/**
 * The documents of the host contract suite: an OpenAPI description of the contract server's API and
 * one Arazzo workflow that reaches every kind of journal point: a non-idempotent POST, a retry with
 * `retryAfter` (a host sleep), a `goto` loop, a nested workflow step (with a binary response), an
 * external input (a host wait) and a provider's lazy input, then a POST that uses both. Served from
 * memory by `hostContractLoader`, so the suite needs no files.
 */
import { TelaioError } from '../../errors.js';
import type { SourceLoader } from '../../sources/types.js';

/** Where the suite's Arazzo document lives (a virtual path; `hostContractLoader` serves it). */
export const HOST_CONTRACT_URI = '/telaio-host-contract/enroll.arazzo.yaml';
const API_URI = '/telaio-host-contract/api.json';

const op = (operationId: string, more: Record<string, unknown> = {}) => ({
  operationId,
  parameters: [{ name: 'runKey', in: 'path', required: true, schema: { type: 'string' } }],
  responses: { default: { description: 'any' } },
  ...more,
});

const API = {
  openapi: '3.1.0',
  info: { title: 'host contract', version: '1.0.0' },
  servers: [{ url: 'http://127.0.0.1:1' }],
  paths: {
    '/k/{runKey}/accounts': { post: op('createAccount') },
    '/k/{runKey}/flaky': { get: op('flaky') },
    '/k/{runKey}/ticks': { post: op('tick') },
    '/k/{runKey}/accounts/{accountId}': {
      get: op('getAccount', {
        parameters: [
          { name: 'runKey', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'accountId', in: 'path', required: true, schema: { type: 'string' } },
        ],
      }),
    },
    '/k/{runKey}/blob': { get: op('getBlob') },
    '/k/{runKey}/verify': {
      post: op('verify', {
        requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
      }),
    },
  },
};

/** The suite's workflow `enroll` (and `fetchAccount`, which it runs as a nested workflow step). */
export const HOST_CONTRACT_ARAZZO = `arazzo: 1.0.1
info: { title: host contract, version: 1.0.0 }
sourceDescriptions:
  - { name: api, url: ./api.json, type: openapi }
workflows:
  - workflowId: enroll
    inputs:
      type: object
      required: [runKey, code]
      properties:
        runKey: { type: string }
        code: { type: string }
        hint: { type: string }
    parameters:
      - { name: runKey, in: path, value: $inputs.runKey }
    steps:
      - stepId: createAccount
        operationId: createAccount
        successCriteria: [{ condition: $statusCode == 201 }]
        outputs: { accountId: $response.body#/id, secret: $response.body#/secret }
      - stepId: flaky
        operationId: flaky
        successCriteria: [{ condition: $statusCode == 200 }]
        onFailure:
          - { name: again, type: retry, retryAfter: 0.02, retryLimit: 3 }
        outputs: { calls: $response.body#/calls }
      - stepId: tick
        operationId: tick
        successCriteria: [{ condition: $statusCode == 200 }]
        onSuccess:
          - name: loop
            type: goto
            stepId: tick
            criteria: [{ condition: $response.body#/n < 3 }]
        outputs: { n: $response.body#/n }
      - stepId: account
        workflowId: fetchAccount
        parameters:
          - { name: runKey, value: $inputs.runKey }
          - { name: accountId, value: $steps.createAccount.outputs.accountId }
        outputs: { name: $outputs.name, blobType: $outputs.blobType }
      - stepId: verify
        operationId: verify
        requestBody:
          contentType: application/json
          payload: { code: $inputs.code, hint: $inputs.hint, secret: $steps.createAccount.outputs.secret }
        successCriteria: [{ condition: $statusCode == 200 }]
        outputs: { verified: $response.body#/verified, hint: $response.body#/hint }
    outputs:
      accountId: $steps.createAccount.outputs.accountId
      calls: $steps.flaky.outputs.calls
      ticks: $steps.tick.outputs.n
      name: $steps.account.outputs.name
      blobType: $steps.account.outputs.blobType
      verified: $steps.verify.outputs.verified
      hint: $steps.verify.outputs.hint
  - workflowId: fetchAccount
    inputs:
      type: object
      properties:
        runKey: { type: string }
        accountId: { type: string }
    parameters:
      - { name: runKey, in: path, value: $inputs.runKey }
    steps:
      - stepId: getAccount
        operationId: getAccount
        parameters:
          - { name: accountId, in: path, value: $inputs.accountId }
        successCriteria: [{ condition: $statusCode == 200 }]
        outputs: { name: $response.body#/name }
      - stepId: getBlob
        operationId: getBlob
        successCriteria: [{ condition: $statusCode == 200 }]
        outputs: { blobType: $response.header.content-type }
    outputs:
      name: $steps.getAccount.outputs.name
      blobType: $steps.getBlob.outputs.blobType
`;

/** A SourceLoader serving the suite's API description (and its Arazzo document). */
export const hostContractLoader: SourceLoader = {
  async load(uri) {
    if (uri === API_URI) return { uri, text: JSON.stringify(API), contentType: 'application/json' };
    if (uri === HOST_CONTRACT_URI) return { uri, text: HOST_CONTRACT_ARAZZO };
    throw new TelaioError('source-unresolved', `the host contract serves no ${uri}`);
  },
};
