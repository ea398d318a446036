/**
 * Issue 20 pt 4: a worker killed with SIGKILL in the middle of a workflow, another worker finishes
 * it, and the loopback API saw each non-idempotent request exactly once. Real processes, a real
 * PostgreSQL (skipped, with a printed line, where TELAIO_DATABASE_URL is unset).
 */
import pg from 'pg';
import { expect } from 'vitest';
import { useDurableSetup } from '../../../test/support/durable/use-durable-setup.js';
import { describeService, itService } from '../../../test/support/services.js';

describeService(
  'postgresql',
  'TELAIO_DATABASE_URL',
  'durable runs survive a killed worker (issue 20 pt 4)',
  (url) => {
    const setup = useDurableSetup(url, { killWith: 'SIGKILL' });

    itService(
      'postgresql',
      'TELAIO_DATABASE_URL',
      'a worker killed with SIGKILL while a request is in flight: another worker finishes the run, each POST sent once',
      async () => {
        const { api, client, database, document } = setup;
        const first = setup.worker();
        const firstId = (await first.line(/^ready /)).slice('ready '.length);
        const held = new Promise<void>((resolve) => api.hold(resolve));
        const runId = await client.submit({
          document,
          workflowId: 'order',
          inputs: { item: 'kill-test' },
          servers: { shop: api.url },
        });
        await held; // the first worker sent POST /orders (checkpointed) and now waits for GET /slow
        expect((await client.status(runId))?.executorId).toBe(firstId);
        first.child.kill('SIGKILL');
        await first.exited;
        api.release();
        const second = setup.worker();
        const secondId = (await second.line(/^ready /)).slice('ready '.length);
        await second.line(new RegExp(`^recovered .*${runId}`));
        const result = await client.wait(runId);
        expect(result.status).toBe('success');
        expect(result.outputs).toEqual({ orderId: 'order-1', receipt: 'receipt-order-1' });
        // POSTs exactly once; the GET that was in flight when the worker died is sent again.
        expect(api.counts).toEqual({ 'POST /orders': 1, 'GET /slow': 2, 'POST /charge': 1 });
        const status = await client.status(runId);
        expect(status?.state).toBe('success');
        expect(status?.executorId).toBe(secondId);
        expect(status?.steps.map((s) => `${s.stepId} ${s.kind} ${s.statusCode}`)).toEqual([
          'create send 201',
          'slow send 200',
          'charge send 200',
        ]);
        expect(second.lines).toContain(`end ${runId} success`);
        // At rest the journal is ciphertext: no input, response or output in clear.
        const db = new pg.Client({ connectionString: database.url });
        await db.connect();
        const stored = await db.query<{ text: string }>(
          `SELECT coalesce(inputs, '') || coalesce(output, '') AS text FROM dbos.workflow_status
         UNION ALL SELECT coalesce(output, '') FROM dbos.operation_outputs`,
        );
        await db.end();
        const all = stored.rows.map((r) => r.text).join('\n');
        expect(all).toContain('telaio-aes-256-gcm:v1:');
        for (const clear of ['kill-test', 'order-1', 'receipt-order-1', api.url])
          expect(all).not.toContain(clear);
      },
      60_000,
    );
  },
);
