/**
 * A step whose successCriteria fail says which criterion did not hold and why the API refused,
 * in RunError.message, StepResult.reason and the structured failedCriterion/response fields.
 */
import type { MemoryHandler } from '@telaio/core/testing';
import { describe, expect, it } from 'vitest';
import { loadInline, memoryEngine, PRELUDE } from './helpers.js';

/** Runs one listPets step with `criteria` (YAML flow items) against `handler`. */
async function failWith(handler: MemoryHandler, criteria: string[]) {
  const { engine } = memoryEngine(handler);
  const doc = await loadInline(
    engine,
    `${PRELUDE}workflows:
  - workflowId: w
    steps:
      - stepId: a
        operationId: listPets
        successCriteria:
${criteria.map((c) => `          - ${c}`).join('\n')}
`,
  );
  const result = await engine.run({ document: doc });
  expect(result.status).toBe('failure');
  expect(result.error?.code).toBe('criteria-failed');
  expect(result.steps[0]?.reason).toBe(result.error?.message);
  return result;
}

describe('criteria failures say why (§Step Object successCriteria)', () => {
  it('a JSON error body gives its error_type and error_message; the first criterion that failed is named', async () => {
    const result = await failWith(
      () => ({
        status: 404,
        headers: { 'content-type': 'application/json' },
        body: {
          status_code: 404,
          request_id: 'request-id-test-1',
          error_type: 'otp_code_not_found',
          error_message: 'The passcode was incorrect and could not be authenticated.',
          error_url: 'https://stytch.com/docs/api/errors/404#otp_code_not_found',
        },
      }),
      ['condition: $response.header.content-type != null', 'condition: $statusCode == 200'],
    );
    expect(result.error?.message).toBe(
      "successCriteria of step 'a' not met: '$statusCode == 200' is false (status 404: otp_code_not_found: The passcode was incorrect and could not be authenticated.)",
    );
    expect(result.error).toMatchObject({
      stepId: 'a',
      failedCriterion: { condition: '$statusCode == 200', type: 'simple' },
      response: {
        statusCode: 404,
        excerpt: 'otp_code_not_found: The passcode was incorrect and could not be authenticated.',
      },
    });
    expect(result.steps[0]).toMatchObject({
      failedCriterion: { condition: '$statusCode == 200' },
      response: { statusCode: 404 },
    });
  });

  it('RFC 9457 problem details give title and detail; OAuth error and error_description; nested error objects', async () => {
    const problem = await failWith(
      () => ({
        status: 409,
        headers: { 'content-type': 'application/problem+json' },
        body: {
          type: 'https://example.test/conflict',
          title: 'Conflict',
          status: 409,
          detail: 'Pet 7 is taken.',
        },
      }),
      ['condition: $statusCode == 201'],
    );
    expect(problem.error?.response?.excerpt).toBe('Conflict: Pet 7 is taken.');
    const oauth = await failWith(
      () => ({ status: 400, body: { error: 'invalid_grant', error_description: 'Code expired' } }),
      ['condition: $statusCode == 200'],
    );
    expect(oauth.error?.response?.excerpt).toBe('invalid_grant: Code expired');
    const nested = await failWith(
      () => ({
        status: 403,
        body: { error: { code: 403, status: 'PERMISSION_DENIED', message: 'No access' } },
      }),
      ['condition: $statusCode == 200'],
    );
    expect(nested.error?.response?.excerpt).toBe('PERMISSION_DENIED: No access');
  });

  it('a text body gives its first ~200 characters, cut between words; a JSON body without error fields gives nothing', async () => {
    const words = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
    const result = await failWith(
      () => ({ status: 502, headers: { 'content-type': 'text/plain' }, body: `Bad gateway:\n  ${words}` }),
      ['condition: $statusCode == 200'],
    );
    const excerpt = result.error?.response?.excerpt ?? '';
    expect(excerpt.startsWith('Bad gateway: word0 word1')).toBe(true);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(201);
    expect(excerpt.slice(0, -1)).toMatch(/ word\d+$/);
    expect(words).toContain(excerpt.slice('Bad gateway: '.length, -1));
    expect(result.error?.message).toContain(`(status 502: ${excerpt})`);

    const plain = await failWith(
      () => ({ status: 200, body: { pets: [] } }),
      ['condition: $response.body#/pets/0 != null'],
    );
    expect(plain.error?.response).toEqual({ statusCode: 200 });
    expect(plain.error?.message).toBe(
      "successCriteria of step 'a' not met: '$response.body#/pets/0 != null' is false (status 200)",
    );
  });

  it('a binary body gives no excerpt', async () => {
    const result = await failWith(
      () => ({
        status: 415,
        headers: { 'content-type': 'application/octet-stream' },
        body: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]),
      }),
      ['condition: $statusCode == 200'],
    );
    expect(result.error?.response).toEqual({ statusCode: 415 });
    expect(result.error?.message).toBe(
      "successCriteria of step 'a' not met: '$statusCode == 200' is false (status 415)",
    );
  });

  it('§Criterion Object a regex or jsonpath criterion is named with its type, version and context', async () => {
    const handler: MemoryHandler = () => ({ status: 200, body: { pets: [{ id: 1 }] } });
    const regex = await failWith(handler, ["{ context: $statusCode, condition: '^201$', type: regex }"]);
    expect(regex.error?.failedCriterion).toEqual({
      condition: '^201$',
      type: 'regex',
      context: '$statusCode',
    });
    expect(regex.error?.message).toBe(
      "successCriteria of step 'a' not met: regex '^201$' on $statusCode is false (status 200)",
    );
    const jsonpath = await failWith(handler, [
      "{ context: $response.body, condition: '$.pets[?(@.id == 1)]', type: jsonpath }",
      "{ context: $response.body, condition: '$.pets[?(@.id == 2)]', type: { type: jsonpath, version: draft-goessner-dispatch-jsonpath-00 } }",
    ]);
    expect(jsonpath.error?.failedCriterion).toEqual({
      condition: '$.pets[?(@.id == 2)]',
      type: 'jsonpath draft-goessner-dispatch-jsonpath-00',
      context: '$response.body',
    });
    expect(jsonpath.error?.message).toContain(
      "not met: jsonpath draft-goessner-dispatch-jsonpath-00 '$.pets[?(@.id == 2)]' on $response.body is false",
    );
  });
});
