/**
 * Issue 20 pt 4: the B2B TOTP enrollment (specs/arazzo/stytch-b2b-totp-enrollment-workflow.yml)
 * against the Stytch sandbox as a durable run: the run creates the TOTP registration, then waits
 * (durably, on its worker) for its code; another process reads the secret the run obtained
 * (`telaio status --reveal-secrets`), computes the current code, and gives it with `telaio resolve`;
 * the run authenticates it. Real processes, a real PostgreSQL (skipped, with a printed line, where
 * TELAIO_DATABASE_URL is unset).
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { generateTotpCode, type Sandbox, SEED_IDS, startSandbox } from '@telaio/stytch-sandbox';
import { afterAll, beforeAll, expect } from 'vitest';
import { spawnWorker, type WorkerProcess } from '../../../test/support/durable/spawn-worker.js';
import { createTestDatabase } from '../../../test/support/durable/test-database.js';
import { describeService, itService } from '../../../test/support/services.js';
import { telaio } from './fixtures/run/fixture-server.js';

const BIN = fileURLToPath(new URL('../bin/telaio.js', import.meta.url));
const WORKFLOW = fileURLToPath(
  new URL('../../../specs/arazzo/stytch-b2b-totp-enrollment-workflow.yml', import.meta.url),
);

describeService(
  'postgresql',
  'TELAIO_DATABASE_URL',
  'durable TOTP enrollment resolved from another process (issue 20 pt 4)',
  (url) => {
    let database: Awaited<ReturnType<typeof createTestDatabase>>;
    let sandbox: Sandbox;
    let worker: WorkerProcess;
    let env: Record<string, string>;
    beforeAll(async () => {
      database = await createTestDatabase(url);
      sandbox = await startSandbox({});
      env = { TELAIO_DATABASE_URL: database.url, TELAIO_JOURNAL_KEY: randomBytes(32).toString('hex') };
      worker = spawnWorker([BIN, 'worker'], {
        ...env,
        STYTCH_PROJECT_ID: sandbox.projectId,
        STYTCH_SECRET: sandbox.secret,
      });
      await worker.line(/^worker .* ready/);
    });
    afterAll(async () => {
      worker?.child.kill('SIGTERM');
      await worker?.exited;
      await sandbox?.close();
      await database?.drop();
    });

    const status = async (runId: string, reveal = false) => {
      const r = await telaio(['status', runId, '--format', 'json', ...(reveal ? ['--reveal-secrets'] : [])], {
        env,
      });
      expect(r.code, r.stderr).toBe(0);
      return { text: r.stdout, json: JSON.parse(r.stdout) };
    };

    itService(
      'postgresql',
      'TELAIO_DATABASE_URL',
      'the run waits for its TOTP code; a code computed from the secret it obtained, sent by telaio resolve, completes the enrollment',
      async () => {
        const submitted = await telaio(
          [
            'submit',
            WORKFLOW,
            '--input',
            `organization_id=${SEED_IDS.organizationId}`,
            '--input',
            `member_id=${SEED_IDS.memberId}`,
            '--input-from',
            'code=resolve:2m',
            '--server',
            `stytchB2bApi=${sandbox.url}`,
          ],
          { env },
        );
        expect(submitted.code, submitted.stderr).toBe(0);
        const runId = submitted.stdout.trim();
        let waiting = await status(runId);
        for (
          let i = 0;
          i < 80 && (waiting.json.waitingFor !== 'code' || waiting.json.steps.length < 2);
          i++
        ) {
          await delay(250);
          waiting = await status(runId);
        }
        expect(waiting.json).toMatchObject({ state: 'running', waitingFor: 'code' });
        expect(waiting.json.steps).toEqual([
          { workflowId: 'totp-enrollment', stepId: 'createTotp', kind: 'send', statusCode: 200 },
          { kind: 'wait', until: expect.any(String) },
        ]);
        // Another process reads the secret the run obtained (only when asked to reveal it)...
        const revealed = await status(runId, true);
        const secret = revealed.json.steps[0].value.secret as string;
        expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
        expect(waiting.text).not.toContain(secret);
        // ...and gives the run the current code from yet another process.
        const code = generateTotpCode({ secret });
        const resolved = await telaio(['resolve', runId, `code=${code}`], { env });
        expect(resolved.code, resolved.stderr).toBe(0);
        expect(resolved.stdout).toBe(`sent code to ${runId}\n`);
        expect(resolved.stdout + resolved.stderr).not.toContain(code);
        let done = await status(runId);
        for (let i = 0; i < 80 && done.json.state === 'running'; i++) {
          await delay(250);
          done = await status(runId);
        }
        expect(done.json.state).toBe('success');
        expect(done.json.waitingFor).toBeUndefined();
        expect(
          done.json.steps.map((s: { stepId?: string; kind: string; statusCode?: number }) =>
            `${s.stepId ?? '-'} ${s.kind} ${s.statusCode ?? ''}`.trim(),
          ),
        ).toEqual(['createTotp send 200', '- wait', 'authenticateTotp send 200']);
        expect(done.json.result.outputs.memberId).toBe(SEED_IDS.memberId);
        // Secrets stay masked without --reveal-secrets: the session token, the TOTP secret, the code.
        const token = (await status(runId, true)).json.result.outputs.sessionToken as string;
        expect(token.length).toBeGreaterThan(20);
        for (const hidden of [token, secret, `"${code}"`]) expect(done.text).not.toContain(hidden);
        expect(worker.lines).toContain(`run ${runId} totp-enrollment success`);
      },
      90_000,
    );
  },
);
