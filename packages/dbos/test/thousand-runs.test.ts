/**
 * Issue 20 pt 4: 1,000 runs through two worker processes: none lost, none run twice. Each run
 * creates an order for its own item (POST /orders, never to be repeated) and charges it; the
 * loopback API counts what it received. Real processes, a real PostgreSQL (skipped, with a printed
 * line, where TELAIO_DATABASE_URL is unset).
 */
import { randomBytes } from 'node:crypto';
import { createDurableClient, type DurableClient } from '@telaio/dbos';
import { afterAll, beforeAll, expect } from 'vitest';
import {
  type OrderApi,
  startOrderApi,
  writeOrderDocuments,
} from '../../../test/support/durable/order-api.js';
import {
  FIXTURE_WORKER,
  spawnWorker,
  type WorkerProcess,
} from '../../../test/support/durable/spawn-worker.js';
import { createTestDatabase } from '../../../test/support/durable/test-database.js';
import { describeService, itService } from '../../../test/support/services.js';

const RUNS = 1000;

describeService(
  'postgresql',
  'TELAIO_DATABASE_URL',
  '1,000 durable runs through two workers (issue 20 pt 4)',
  (url) => {
    const key = randomBytes(32);
    let database: Awaited<ReturnType<typeof createTestDatabase>>;
    let api: OrderApi;
    let client: DurableClient;
    let document: string;
    const workers: WorkerProcess[] = [];
    beforeAll(async () => {
      database = await createTestDatabase(url);
      api = await startOrderApi();
      document = await writeOrderDocuments();
      client = await createDurableClient({ databaseUrl: database.url, journalKey: key });
    });
    afterAll(async () => {
      for (const w of workers) w.child.kill('SIGTERM');
      await Promise.all(workers.map((w) => w.exited));
      await client?.close();
      await api?.close();
      await database?.drop();
    });

    itService(
      'postgresql',
      'TELAIO_DATABASE_URL',
      'every run succeeds exactly once: 1,000 orders, 1,000 charges, each item ordered once, both workers used',
      async () => {
        const env = {
          TELAIO_DATABASE_URL: database.url,
          TELAIO_JOURNAL_KEY: key.toString('hex'),
          WORKER_CONCURRENCY: '50',
        };
        for (let i = 0; i < 2; i++) workers.push(spawnWorker([FIXTURE_WORKER], env));
        await Promise.all(workers.map((w) => w.line(/^ready /)));
        const runIds: string[] = [];
        for (let i = 0; i < RUNS; i++)
          runIds.push(
            await client.submit({
              document,
              workflowId: 'order',
              inputs: { item: `item-${i}` },
              servers: { shop: api.url },
            }),
          );
        const results = await client.waitAll(runIds, { pollingIntervalMs: 250 });
        const success = results.filter((r) => r.status === 'success').length;
        expect(success).toBe(RUNS);
        expect(api.counts).toEqual({ 'POST /orders': RUNS, 'GET /slow': RUNS, 'POST /charge': RUNS });
        expect(api.ordersByItem.size).toBe(RUNS);
        expect([...api.ordersByItem.values()].every((n) => n === 1)).toBe(true);
        const ended = workers.map((w) => w.lines.filter((l) => l.startsWith('end ')).length);
        expect(ended[0]! + ended[1]!).toBe(RUNS);
        expect(Math.min(...ended)).toBeGreaterThan(0);
        const endedIds = new Set(
          workers.flatMap((w) => w.lines.filter((l) => l.startsWith('end ')).map((l) => l.split(' ')[1])),
        );
        expect(endedIds.size).toBe(RUNS);
        process.stdout.write(
          `1,000 runs: success ${success}, per worker ${ended.join(' + ')}, requests ${JSON.stringify(api.counts)}\n`,
        );
      },
      240_000,
    );
  },
);
