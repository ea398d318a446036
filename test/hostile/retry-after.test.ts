/**
 * Issue 14 point 4: waits that make sense. A `Retry-After` (or `retryAfter`) longer than the cap
 * (`--max-retry-wait`, default 5 minutes) fails the step with a diagnostic saying what was asked
 * for, instead of retrying at once; no Node TimeoutOverflowWarning ever reaches the user.
 */
import { createEngine } from '@telaio/core';
import { createHttpTransport } from '@telaio/http-adapter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTelaio } from './support/cli.js';
import { type Loopback, sendJson, startLoopback } from './support/loopback.js';
import { writeHostileProject } from './support/project.js';

/** A step that succeeds on 200 and retries (up to 3 times) otherwise. */
const RETRYING = (retryAfter?: number) => ({
  successCriteria: [{ condition: '$statusCode == 200' }],
  onFailure: [
    { name: 'again', type: 'retry', retryLimit: 3, ...(retryAfter === undefined ? {} : { retryAfter }) },
  ],
});

describe('hostile: Retry-After and retryAfter are capped (issue 14 point 4, §Failure Action Object)', () => {
  let server: Loopback;
  let answers: { status: number; retryAfter?: string }[] = [];
  beforeAll(async () => {
    server = await startLoopback((_req, res) => {
      const next = answers.shift() ?? { status: 200 };
      sendJson(res, next.status, {}, next.retryAfter === undefined ? {} : { 'retry-after': next.retryAfter });
    });
  });
  afterAll(() => server.close());

  it('fails the step at once on Retry-After: 31536000, naming it, with no Node warning', async () => {
    answers = [{ status: 503, retryAfter: '31536000' }];
    server.seen.length = 0;
    const file = await writeHostileProject({ serverUrl: server.url, step: RETRYING() });
    const run = await runTelaio(['run', file, '--format', 'json']);
    expect(run.hung).toBe(false);
    expect(run.code).toBe(1);
    const { error } = JSON.parse(run.stdout);
    expect(error.code).toBe('retry-after-too-long');
    expect(error.message).toContain('Retry-After: 31536000');
    expect(error.message).toContain('--max-retry-wait');
    expect(server.seen).toHaveLength(1);
    expect(run.stderr).not.toContain('TimeoutOverflowWarning');
  });

  it('fails the step on a retryAfter of 10 minutes, naming the action', async () => {
    answers = [{ status: 503 }];
    const file = await writeHostileProject({ serverUrl: server.url, step: RETRYING(600) });
    const run = await runTelaio(['run', file, '--format', 'json']);
    expect(run.hung).toBe(false);
    expect(JSON.parse(run.stdout).error.code).toBe('retry-after-too-long');
    expect(JSON.parse(run.stdout).error.message).toContain("retry action 'again'");
  });

  it('retries within the cap, and --max-retry-wait lowers it', async () => {
    const file = await writeHostileProject({ serverUrl: server.url, step: RETRYING() });
    answers = [{ status: 503, retryAfter: '1' }];
    server.seen.length = 0;
    const within = await runTelaio(['run', file, '--format', 'json']);
    expect(within.code).toBe(0);
    expect(server.seen).toHaveLength(2);
    answers = [{ status: 503, retryAfter: '1' }];
    const capped = await runTelaio(['run', file, '--format', 'json', '--max-retry-wait', '500ms']);
    expect(capped.code).toBe(1);
    expect(JSON.parse(capped.stdout).error.code).toBe('retry-after-too-long');
  });

  it('waits longer than a Node timer can hold without TimeoutOverflowWarning when uncapped', async () => {
    answers = [{ status: 503, retryAfter: '31536000' }];
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    const file = await writeHostileProject({ serverUrl: server.url, step: RETRYING() });
    const transport = createHttpTransport();
    const controller = new AbortController();
    const engine = createEngine({ transport, cache: false, maxRetryWaitMs: Number.POSITIVE_INFINITY });
    const document = await engine.load(file);
    const result = await engine.run({
      document,
      signal: controller.signal,
      hooks: { onRetry: () => setTimeout(() => controller.abort(), 50) },
    });
    transport.close();
    await new Promise((resolve) => setImmediate(resolve));
    process.off('warning', onWarning);
    expect(result.error?.code).toBe('aborted');
    expect(warnings).not.toContain('TimeoutOverflowWarning');
  });
});
