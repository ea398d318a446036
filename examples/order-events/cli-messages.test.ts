/**
 * `telaio run` with an AsyncAPI source, through the built CLI against the example's shop (HTTP API
 * on 127.0.0.1 and an embedded aedes broker that requires a login): the transport chosen by the
 * server's protocol, `--server` for the broker, the login through `--auth` or the URL, masked in
 * every output; send/receive lines; the messages in json, junit and the HAR-like record; `--dry-run`
 * shows the message it would send and connects to nothing; no MQTT connection left after a run.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OrderService, startOrderService } from './service.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const BIN = path.join(here, '../../packages/cli/bin/telaio.js');
const FILE = path.join(here, 'order-events.arazzo.yaml');

let shop: OrderService;
let dir: string;
beforeAll(async () => {
  shop = await startOrderService();
  dir = await mkdtemp(path.join(tmpdir(), 'telaio-order-events-'));
});
afterAll(async () => {
  await shop?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

function telaio(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const correlation = (): string => `corr-${Math.random().toString(36).slice(2, 12)}`;

/** `run FILE` against the shop, the broker login through --auth (its password from the environment). */
function runArgs(correlationId: string, ...rest: string[]): string[] {
  return [
    'run',
    FILE,
    '--server',
    `shop=${shop.httpUrl}`,
    '--server',
    `orderEvents=${shop.mqttUrl}`,
    '--auth',
    `orderEvents=basic:${shop.login.username}:env:BROKER_PASSWORD`,
    '--input',
    'item=loom',
    '--input',
    `correlationId=${correlationId}`,
    ...rest,
  ];
}

const env = () => ({ BROKER_PASSWORD: shop.login.password });

describe('telaio run with an AsyncAPI (MQTT) source [aedes]', () => {
  it('runs the mixed workflow: pretty lines for the receive and the send (channel, correlation id, payload), the order confirmed, no MQTT connection left', async () => {
    const id = correlation();
    const r = await telaio(runArgs(id), env());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/✓ awaitPayment {2}⇠ receive orders\/o-[0-9a-f]{8}\/status/);
    expect(r.stderr).toContain(`correlationId=${id}`);
    expect(r.stderr).toMatch(/payload \{"orderId":"o-[0-9a-f]{8}","status":"paid"/);
    expect(r.stderr).toMatch(/✓ requestShipping {2}⇢ send shipping\/requests/);
    expect(r.stdout).toMatch(/state +confirmed/);
    const order = [...shop.orders.values()].find((o) => o.correlationId === id);
    expect(order?.state).toBe('confirmed');
    expect(order?.shipping).toMatchObject({ orderId: order?.orderId, correlationId: id });
    // The CLI closed its connection before exiting.
    expect(shop.connectedClients()).toBe(0);
  }, 30_000);

  it('the json report, junit, the HAR-like record and the HTML report carry the messages, the broker password and a secret in a payload masked', async () => {
    const id = correlation();
    const har = path.join(dir, 'run.har');
    const junit = path.join(dir, 'run.xml');
    // The password also travels in a payload (the shipping address): masked there as everywhere.
    const secret = shop.login.password;
    const page = path.join(dir, 'run.html');
    const r = await telaio(
      runArgs(id, '--input', `address=${secret}`, '--format', 'json', '--har', har, '--report', 'html', page),
      env(),
    );
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as {
      steps: {
        stepId: string;
        action?: string;
        sentMessage?: { body: string };
        receivedMessage?: { body: string };
      }[];
    };
    const receive = report.steps.find((s) => s.stepId === 'awaitPayment');
    const send = report.steps.find((s) => s.stepId === 'requestShipping');
    expect(receive).toMatchObject({
      action: 'receive',
      receivedMessage: { address: expect.stringMatching(/^orders\/o-[0-9a-f]{8}\/status$/) },
    });
    expect(JSON.parse(receive?.receivedMessage?.body ?? '{}')).toMatchObject({
      status: 'paid',
      correlationId: id,
    });
    expect(send).toMatchObject({
      action: 'send',
      sentMessage: {
        protocol: 'mqtt',
        address: 'shipping/requests',
        correlationId: id,
        serverUrl: shop.mqttUrl,
      },
    });
    expect(JSON.parse(send?.sentMessage?.body ?? '{}')).toEqual({
      orderId: expect.stringMatching(/^o-/),
      correlationId: id,
      address: '[REDACTED]',
    });
    const record = JSON.parse(await readFile(har, 'utf8')) as {
      log: {
        entries: unknown[];
        _messages: { _stepId: string; action: string; message: { body: string } }[];
      };
    };
    expect(record.log.entries).toHaveLength(2);
    expect(record.log._messages.map((m) => `${m._stepId}:${m.action}`)).toEqual([
      'awaitPayment:receive',
      'requestShipping:send',
    ]);
    expect(record.log._messages[1]?.message.body).toContain('"address":"[REDACTED]"');
    const j = await telaio(runArgs(correlation(), '--format', 'junit', '--output', junit), env());
    expect(j.code, j.stderr).toBe(0);
    const xml = await readFile(junit, 'utf8');
    expect(xml).toMatch(/receive orders\/o-[0-9a-f]{8}\/status via mqtt:\/\/127\.0\.0\.1:\d+/);
    expect(xml).toContain('send shipping/requests via');
    const html = await readFile(page, 'utf8');
    expect(html).toMatch(/<code>RECEIVE orders\/o-[0-9a-f]{8}\/status<\/code>/);
    expect(html).toContain('<code>SEND shipping/requests</code>');
    expect(html).toContain('&quot;address&quot;: &quot;[REDACTED]&quot;');
    for (const text of [r.stdout, r.stderr, JSON.stringify(record), xml, j.stderr, html])
      expect(text).not.toContain(secret);
  }, 30_000);

  it('a login in the --server URL works as --auth does and never shows; a wrong one fails the step, masked', async () => {
    const url = new URL(shop.mqttUrl);
    url.username = shop.login.username;
    url.password = shop.login.password;
    const base = runArgs(correlation()).filter((a, i, all) => a !== '--auth' && all[i - 1] !== '--auth');
    const ok = await telaio([...base, '--server', `orderEvents=${url.href}`]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr + ok.stdout).not.toContain(shop.login.password);
    url.password = 'wrong-password-1234';
    const bad = await telaio([...base, '--server', `orderEvents=${url.href}`, '--format', 'json']);
    expect(bad.code).toBe(1);
    const report = JSON.parse(bad.stdout) as { error: { code: string; message: string; stepId: string } };
    expect(report.error).toMatchObject({ code: 'message-receive-failed', stepId: 'awaitPayment' });
    expect(report.error.message).toContain('NOT_AUTHORIZED');
    expect(bad.stdout + bad.stderr).not.toContain('wrong-password-1234');
    expect(shop.connectedClients()).toBe(0);
  }, 30_000);

  it('--dry-run prints the message the send step would publish, answers the receive with placeholders, and connects to nothing', async () => {
    const before = shop.orders.size;
    const r = await telaio([
      'run',
      FILE,
      '--dry-run',
      '--server',
      'orderEvents=mqtt://127.0.0.1:9',
      '--input',
      'item=loom',
      '--input',
      'correlationId=dry-1',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      '⇠ awaitPayment  RECEIVE orders/<placeOrder:$response.body#/orderId>/status  mqtt://127.0.0.1:9',
    );
    expect(r.stdout).toContain('⇢ requestShipping  SEND shipping/requests  mqtt://127.0.0.1:9');
    expect(r.stdout).toContain(
      '{"orderId":"<placeOrder:$response.body#/orderId>","correlationId":"dry-1","address":"1 Loom Lane"}',
    );
    expect(r.stdout).toContain('(not sent)');
    expect(r.stdout).toMatch(/2 requests and 1 message resolved, none sent/);
    expect(shop.orders.size).toBe(before);
    const json = await telaio([
      'run',
      FILE,
      '--dry-run',
      '--format',
      'json',
      '--input',
      'item=loom',
      '--input',
      'correlationId=dry-2',
    ]);
    const report = JSON.parse(json.stdout) as { messages: { stepId: string; action: string }[] };
    expect(report.messages.map((m) => `${m.stepId}:${m.action}`)).toEqual([
      'awaitPayment:receive',
      'requestShipping:send',
    ]);
  }, 30_000);

  it('telaio test runs the same workflow (through the shared run services): it passes, its HTTP responses checked, no MQTT connection left', async () => {
    const inputs = path.join(dir, 'inputs.json');
    const id = correlation();
    await writeFile(inputs, JSON.stringify({ placeAndConfirmOrder: { item: 'loom', correlationId: id } }));
    const r = await telaio(
      [
        'test',
        FILE,
        '--server',
        `shop=${shop.httpUrl}`,
        '--server',
        `orderEvents=${shop.mqttUrl}`,
        '--auth',
        `orderEvents=basic:${shop.login.username}:env:BROKER_PASSWORD`,
        '--inputs',
        inputs,
        '--format',
        'json',
      ],
      env(),
    );
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { summary: { workflows: { passed: number; failed: number } } };
    expect(report.summary.workflows).toMatchObject({ passed: 1, failed: 0 });
    expect([...shop.orders.values()].find((o) => o.correlationId === id)?.shipping).toBeDefined();
    expect(r.stdout + r.stderr).not.toContain(shop.login.password);
    expect(shop.connectedClients()).toBe(0);
  }, 30_000);

  it('--server checks the URL against the kind of source: a broker URL for the OpenAPI source, an http URL for the AsyncAPI one (exit 2)', async () => {
    const http = await telaio([...runArgs(correlation()), '--server', `orderEvents=${shop.httpUrl}`], env());
    expect(http.code).toBe(2);
    expect(http.stderr).toContain("--server orderEvents: 'http' is not a protocol telaio speaks to brokers");
    const mqtt = await telaio([...runArgs(correlation()), '--server', `shop=${shop.mqttUrl}`], env());
    expect(mqtt.code).toBe(2);
    expect(mqtt.stderr).toContain(
      `--server shop: '${shop.mqttUrl}' is not an http(s) URL (shop is an OpenAPI source)`,
    );
  }, 30_000);
});
