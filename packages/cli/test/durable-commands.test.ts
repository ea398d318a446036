/**
 * Issue 20 pt 3: `telaio worker`, `submit` (--wait, --run-id, --schedule), `status`, `resolve` and
 * `cancel` as real processes on a real PostgreSQL (skipped, with a printed line, where
 * TELAIO_DATABASE_URL is unset); their usage errors need no database and always run.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type OrderApi,
  startOrderApi,
  writeOrderDocuments,
} from '../../../test/support/durable/order-api.js';
import { spawnWorker, type WorkerProcess } from '../../../test/support/durable/spawn-worker.js';
import { createTestDatabase } from '../../../test/support/durable/test-database.js';
import { describeService } from '../../../test/support/services.js';
import { telaio } from './fixtures/run/fixture-server.js';

const BIN = fileURLToPath(new URL('../bin/telaio.js', import.meta.url));

const key = randomBytes(32).toString('base64');

describe('durable commands: usage without a database (issue 20 pt 3)', () => {
  it('every durable command needs the database URL and the journal key, and says how to give them (exit 2)', async () => {
    const env = { TELAIO_DATABASE_URL: undefined, TELAIO_JOURNAL_KEY: undefined };
    for (const args of [['worker'], ['status', 'r1'], ['resolve', 'r1', 'code=1'], ['cancel', 'r1']]) {
      const r = await telaio(args, { env });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('--database-url URL or TELAIO_DATABASE_URL');
    }
    const noKey = await telaio(['status', 'r1'], {
      env: { TELAIO_DATABASE_URL: 'postgresql://nobody@127.0.0.1:9/none', TELAIO_JOURNAL_KEY: undefined },
    });
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain('(journal-key-missing)');
    expect(noKey.stderr).toContain('openssl rand -base64 32');
  });

  it('submit checks the document, the workflow, --server and --input-from here, before any database (exit 2)', async () => {
    const document = await writeOrderDocuments();
    const env = { TELAIO_DATABASE_URL: undefined };
    const unknown = await telaio(['submit', document, '--workflow', 'nope'], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('nope');
    const prompt = await telaio(['submit', document, '--input-from', 'code=prompt'], { env });
    expect(prompt.code).toBe(2);
    expect(prompt.stderr).toContain('use resolve');
    const both = await telaio(
      ['submit', document, '--workflow', 'order', '--wait', '--schedule', '* * * * *'],
      { env },
    );
    expect(both.code).toBe(2);
    const server = await telaio(
      ['submit', document, '--workflow', 'order', '--server', 'nosuch=http://127.0.0.1:1'],
      { env },
    );
    expect(server.code).toBe(2);
    expect(server.stderr).toContain('no such source description');
    // The same check as run's: a broker URL given to an OpenAPI source is refused by its kind.
    const broker = await telaio(
      ['submit', document, '--workflow', 'order', '--server', 'shop=mqtt://127.0.0.1:1883'],
      { env },
    );
    expect(broker.code).toBe(2);
    expect(broker.stderr).toContain(
      "--server shop: 'mqtt://127.0.0.1:1883' is not an http(s) URL (shop is an OpenAPI source)",
    );
  });
});

describeService(
  'postgresql',
  'TELAIO_DATABASE_URL',
  'durable commands on PostgreSQL (issue 20 pt 3)',
  (url) => {
    let database: Awaited<ReturnType<typeof createTestDatabase>>;
    let api: OrderApi;
    let document: string;
    let worker: WorkerProcess;
    let env: Record<string, string>;
    beforeAll(async () => {
      database = await createTestDatabase(url);
      api = await startOrderApi();
      document = await writeOrderDocuments();
      env = { TELAIO_DATABASE_URL: database.url, TELAIO_JOURNAL_KEY: key };
      worker = spawnWorker([BIN, 'worker', '--concurrency', '4'], env);
      await worker.line(/^worker .* ready \(concurrency 4\)$/);
    });
    afterAll(async () => {
      worker?.child.kill('SIGTERM');
      await worker?.exited;
      await api?.close();
      await database?.drop();
    });

    it('submit --wait prints the run id, follows the steps, and prints the report; status shows the same run', async () => {
      const args = [
        'submit',
        document,
        '--workflow',
        'order',
        '--input',
        'item=cli-wait',
        '--server',
        `shop=${api.url}`,
      ];
      const r = await telaio([...args, '--wait', '--format', 'json'], { env });
      expect(r.code, r.stderr).toBe(0);
      const [runId, ...report] = r.stdout.split('\n');
      expect(runId).toMatch(/^[0-9a-f-]{36}$/);
      expect(JSON.parse(report.join('\n'))).toMatchObject({
        workflowId: 'order',
        status: 'success',
        outputs: {
          orderId: expect.stringMatching(/^order-/),
          receipt: expect.stringMatching(/^receipt-order-/),
        },
      });
      expect(r.stderr).toContain('order/create  send  201');
      expect(r.stderr).toContain('order/charge  send  200');
      const status = await telaio(['status', runId as string, '--format', 'json'], { env });
      expect(status.code).toBe(0);
      const shown = JSON.parse(status.stdout);
      expect(shown).toMatchObject({ runId, state: 'success', workflowId: 'order', document });
      expect(
        shown.steps.map((s: { stepId: string; statusCode: number }) => `${s.stepId} ${s.statusCode}`),
      ).toEqual(['create 201', 'slow 200', 'charge 200']);
      // Checkpoint values (response bodies) only with --reveal-secrets.
      expect(shown.steps[0].value).toBeUndefined();
      const revealed = JSON.parse(
        (await telaio(['status', runId as string, '--format', 'json', '--reveal-secrets'], { env })).stdout,
      );
      expect(revealed.steps[0].value).toEqual({ id: shown.result.outputs.orderId });
      expect(worker.lines).toContain(`run ${runId} order success`);
      const pretty = await telaio(['status', runId as string], { env });
      expect(pretty.stdout).toContain(`run ${runId}  success`);
      expect(pretty.stdout).toContain('steps so far (3):');
    });

    it('submit --run-id: the same id twice starts one run', async () => {
      const runId = `cli-run-${randomBytes(4).toString('hex')}`;
      const args = [
        'submit',
        document,
        '--workflow',
        'order',
        '--input',
        'item=cli-run-id',
        '--server',
        `shop=${api.url}`,
        '--run-id',
        runId,
      ];
      const first = await telaio([...args, '--wait'], { env });
      expect(first.code, first.stderr).toBe(0);
      const again = await telaio([...args, '--wait'], { env });
      expect(again.code).toBe(0);
      expect(again.stdout.split('\n')[0]).toBe(runId);
      expect(api.ordersByItem.get('cli-run-id')).toBe(1);
    });

    it('resolve and cancel of an unknown run exit 1 naming run-unknown; status of one exits 1', async () => {
      for (const args of [
        ['resolve', 'no-such-run', 'code=1'],
        ['cancel', 'no-such-run'],
        ['status', 'no-such-run'],
      ]) {
        const r = await telaio(args, { env });
        expect(r.code, args.join(' ')).toBe(1);
        expect(r.stderr).toContain('run-unknown');
      }
    });

    it('cancel while the run sleeps before a retry (retryAfter 60 s): it stops at once and sends nothing more', async () => {
      const r = await telaio(
        ['submit', document, '--workflow', 'sleepy', '--input', 'item=sleepy', '--server', `shop=${api.url}`],
        { env },
      );
      expect(r.code, r.stderr).toBe(0);
      const runId = r.stdout.trim();
      let status = JSON.parse((await telaio(['status', runId, '--format', 'json'], { env })).stdout);
      for (let i = 0; i < 80 && !status.steps.some((s: { kind: string }) => s.kind === 'sleep'); i++) {
        await delay(250);
        status = JSON.parse((await telaio(['status', runId, '--format', 'json'], { env })).stdout);
      }
      expect(status.state).toBe('running');
      expect(
        status.steps.map((s: { kind: string; stepId?: string }) => `${s.stepId ?? '-'} ${s.kind}`),
      ).toEqual(['create send', 'unavailable send', '- sleep']);
      expect(Date.parse(status.steps[2].until) - Date.now()).toBeGreaterThan(30_000);
      const cancel = await telaio(['cancel', runId], { env });
      expect(cancel.code, cancel.stderr).toBe(0);
      expect(cancel.stdout).toBe(`cancelled ${runId}\n`);
      // The worker lets go of the sleeping run within its sweep (1 s), well before the 60 s wake-up.
      await worker.line(new RegExp(`^run ${runId} sleepy failure \\(aborted`), 10_000);
      const after = JSON.parse((await telaio(['status', runId, '--format', 'json'], { env })).stdout);
      expect(after.state).toBe('cancelled');
      expect(api.counts['GET /unavailable']).toBe(1);
      expect(api.ordersByItem.get('sleepy')).toBe(1);
    });

    it('submit --schedule runs the workflow at every tick until cancel deletes the schedule', async () => {
      const r = await telaio(
        [
          'submit',
          document,
          '--workflow',
          'order',
          '--input',
          'item=scheduled',
          '--server',
          `shop=${api.url}`,
          '--schedule',
          '* * * * * *',
        ],
        { env },
      );
      expect(r.code, r.stderr).toBe(0);
      const name = r.stdout.trim();
      expect(name).toMatch(/^telaio-schedule-/);
      // Ticks every second: wait until two runs of the schedule succeeded.
      let runIds: string[] = [];
      for (
        let i = 0;
        i < 60 && worker.lines.filter((l) => runIds.some((id) => l === `run ${id} order success`)).length < 2;
        i++
      ) {
        await delay(500);
        const s = await telaio(['status', name, '--format', 'json'], { env });
        runIds = JSON.parse(s.stdout).runIds;
      }
      const succeeded = runIds.filter((id) => worker.lines.includes(`run ${id} order success`));
      expect(succeeded.length).toBeGreaterThanOrEqual(2);
      const cancel = await telaio(['cancel', name], { env });
      expect(cancel.code).toBe(0);
      expect(cancel.stdout).toBe(`deleted schedule ${name}\n`);
      // Runs the schedule fired before it was deleted may still finish; after that, no new ones.
      await delay(2500);
      const after = api.ordersByItem.get('scheduled') ?? 0;
      await delay(2500);
      expect(api.ordersByItem.get('scheduled') ?? 0).toBe(after);
      const gone = await telaio(['status', name], { env });
      expect(gone.code).toBe(1);
      const run = JSON.parse(
        (await telaio(['status', succeeded[0] as string, '--format', 'json'], { env })).stdout,
      );
      expect(run).toMatchObject({ state: 'success', scheduleName: name });
    }, 60_000);
  },
);
