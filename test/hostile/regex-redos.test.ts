/**
 * Issue 14 point 1: a `regex` criterion (Arazzo 1.0.1 §4.6.10) with a catastrophic pattern cannot
 * hang `telaio run`; a pattern the linear-time engine cannot match is refused by `validate` as
 * `criterion-invalid` at the criterion's line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTelaio } from './support/cli.js';
import { type Loopback, sendJson, startLoopback } from './support/loopback.js';
import { writeHostileProject } from './support/project.js';

describe('hostile: regex criteria (issue 14 point 1)', () => {
  let server: Loopback;
  beforeAll(async () => {
    server = await startLoopback((_req, res) => sendJson(res, 200, { name: `${'a'.repeat(32)}!` }));
  });
  afterAll(() => server.close());

  it('§4.6.10 run ends on ^(a+)+$ against a 33-character field, the criterion failing', async () => {
    const file = await writeHostileProject({
      serverUrl: server.url,
      step: { successCriteria: [{ context: '$response.body#/name', condition: '^(a+)+$', type: 'regex' }] },
    });
    const run = await runTelaio(['run', file, '--format', 'json']);
    expect(run.hung).toBe(false);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).error).toMatchObject({ code: 'criteria-failed', stepId: 'call' });
  });

  it('§4.6.10 validate refuses a backreference as criterion-invalid at the criterion', async () => {
    const file = await writeHostileProject({
      serverUrl: server.url,
      step: { successCriteria: [{ context: '$response.body#/name', condition: '^(a)\\1$', type: 'regex' }] },
    });
    const run = await runTelaio(['validate', file, '--format', 'json']);
    expect(run.code).toBe(1);
    const [diagnostic] = JSON.parse(run.stdout).diagnostics;
    expect(diagnostic).toMatchObject({ code: 'criterion-invalid', severity: 'error' });
    expect(diagnostic.message).toContain('backreferences');
    expect(diagnostic.pointer).toMatch(/^\/workflows\/0\/steps\/0\/successCriteria\/0/);
    expect(diagnostic.line).toBeGreaterThan(1);
  });
});
