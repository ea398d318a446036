#!/usr/bin/env node
/**
 * The order-events example in one command: starts the local shop (HTTP API + MQTT broker, see
 * service.js) on free ports, runs the workflow through the telaio CLI against it, stops the shop,
 * and exits with telaio's exit code. Extra arguments go to `telaio run` (`--format json`,
 * `--dry-run`, `--reveal-secrets`...).
 *
 *   node examples/order-events/run.js            (after `npx -y pnpm@10 install` and `... build`)
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startOrderService } from './service.js';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const bin = here('../../packages/cli/bin/telaio.js');
if (!existsSync(here('../../packages/cli/dist/main.js'))) {
  process.stderr.write(
    'telaio is not built yet: run `npx -y pnpm@10 install && npx -y pnpm@10 build` first\n',
  );
  process.exit(2);
}

const shop = await startOrderService();
const args = [
  bin,
  'run',
  here('./order-events.arazzo.yaml'),
  '--server',
  `shop=${shop.httpUrl}`,
  '--server',
  `orderEvents=${shop.mqttUrl}`,
  '--auth',
  `orderEvents=basic:${shop.login.username}:env:ORDER_EVENTS_PASSWORD`,
  '--input',
  'item=loom',
  '--input',
  'quantity=2',
  '--input',
  `correlationId=${randomUUID()}`,
  ...process.argv.slice(2),
];
const child = spawn(process.execPath, args, {
  stdio: 'inherit',
  env: { ...process.env, ORDER_EVENTS_PASSWORD: shop.login.password },
});
const code = await new Promise((resolve) => child.on('close', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
await shop.close();
process.exitCode = code;
