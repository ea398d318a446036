/**
 * Issue 20 pt 4: 1,000 runs through two worker processes: none lost, none run twice. Each run
 * creates an order for its own item (POST /orders, never to be repeated) and charges it; the
 * loopback API counts what it received. Real processes, a real PostgreSQL (skipped, with a printed
 * line, where TELAIO_DATABASE_URL is unset).
 */
import { expect } from 'vitest';
import { useDurableSetup } from '../../../test/support/durable/use-durable-setup.js';
import { describeService, itService } from '../../../test/support/services.js';

const RUNS = 1000;

describeService(
  'postgresql',
  'TELAIO_DATABASE_URL',
  '1,000 durable runs through two workers (issue 20 pt 4)',
  (url) => {
    const setup = useDurableSetup(url, { killWith: 'SIGTERM' });

    itService(
      'postgresql',
      'TELAIO_DATABASE_URL',
      'every run succeeds exactly once: 1,000 orders, 1,000 charges, each item ordered once, both workers used',
      async () => {
        const { api, client, document } = setup;
        const workers = [0, 1].map(() => setup.worker({ WORKER_CONCURRENCY: '50' }));
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
