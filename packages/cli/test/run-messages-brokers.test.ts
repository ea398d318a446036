/**
 * `telaio run` with AsyncAPI sources against brokers that run out of process: Mosquitto (MQTT) and
 * RabbitMQ (AMQP 0-9-1), started by `.ci/services/mosquitto.sh` and `rabbitmq.sh` (skipped, and
 * said so, where they are absent). A workflow publishes a message and receives it back by
 * correlation id; the broker is chosen by --server (its scheme picks the protocol), the RabbitMQ
 * login travels in the URL and never shows; the process exits with no connection left.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeService } from '../../../test/support/services.js';
import { telaio } from './fixtures/run/fixture-server.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'telaio-brokers-'));
  await writeFile(
    join(dir, 'pings.asyncapi.yaml'),
    `asyncapi: 3.0.0
info: { title: pings, version: 1.0.0 }
servers:
  declared: { host: 'broker.invalid:1', protocol: mqtt }
channels:
  pings:
    address: '{queue}'
    parameters: { queue: {} }
    messages:
      ping:
        correlationId: { location: '$message.payload#/id' }
        payload: { type: object, required: [id], properties: { id: { type: string }, note: { type: string } } }
operations:
  sendPing: { action: send, channel: { $ref: '#/channels/pings' } }
  receivePing: { action: receive, channel: { $ref: '#/channels/pings' } }
`,
  );
  await writeFile(
    join(dir, 'pings.arazzo.yaml'),
    `arazzo: 1.1.0
info: { title: pings, version: 1.0.0 }
sourceDescriptions:
  - { name: pings, url: ./pings.asyncapi.yaml, type: asyncapi }
workflows:
  - workflowId: roundTrip
    inputs:
      type: object
      required: [queue, id]
      properties: { queue: { type: string }, id: { type: string } }
    steps:
      - stepId: ping
        operationId: sendPing
        action: send
        parameters: [{ name: queue, in: path, value: $inputs.queue }]
        requestBody: { payload: { id: $inputs.id, note: hello } }
      - stepId: pong
        operationId: receivePing
        action: receive
        correlationId: $inputs.id
        parameters: [{ name: queue, in: path, value: $inputs.queue }]
        timeout: 10000
        successCriteria: [{ condition: $message.payload#/note == 'hello' }]
        outputs: { id: $message.payload#/id }
    outputs: { id: $steps.pong.outputs.id }
`,
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const unique = (prefix: string): string =>
  `${prefix}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

async function roundTrip(brokerUrl: string, queue: string) {
  const id = unique('id');
  const r = await telaio([
    'run',
    join(dir, 'pings.arazzo.yaml'),
    '--server',
    `pings=${brokerUrl}`,
    '--input',
    `queue=${queue}`,
    '--input',
    `id=${id}`,
    '--format',
    'json',
  ]);
  return { r, id };
}

describeService('Mosquitto', 'TELAIO_MOSQUITTO_URL', 'telaio run over Mosquitto (MQTT)', (url) => {
  it('publishes and receives its message back by correlation id; the send and the receive are in the report', async () => {
    const { r, id } = await roundTrip(url, unique('telaio/pings'));
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as {
      outputs: { id: string };
      steps: { stepId: string; sentMessage?: { protocol: string }; receivedMessage?: { body: string } }[];
    };
    expect(report.outputs.id).toBe(id);
    expect(report.steps[0]?.sentMessage?.protocol).toBe('mqtt');
    expect(JSON.parse(report.steps[1]?.receivedMessage?.body ?? '{}')).toEqual({ id, note: 'hello' });
  }, 30_000);
});

describeService('RabbitMQ', 'TELAIO_RABBITMQ_URL', 'telaio run over RabbitMQ (AMQP 0-9-1)', (url) => {
  it('amqp:// in --server picks AMQP over the declared MQTT server: a queue round trip, the login in the URL never shown', async () => {
    const password = decodeURIComponent(new URL(url).password);
    const { r, id } = await roundTrip(url, unique('telaio.pings'));
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as {
      outputs: { id: string };
      steps: { stepId: string; sentMessage?: { protocol: string; serverUrl: string } }[];
    };
    expect(report.outputs.id).toBe(id);
    expect(report.steps[0]?.sentMessage?.protocol).toBe('amqp');
    expect(report.steps[0]?.sentMessage?.serverUrl).toMatch(/^amqp:\/\/127\.0\.0\.1:\d+(\/|$)/);
    expect(password.length).toBeGreaterThan(3);
    expect(r.stdout + r.stderr).not.toContain(password);
  }, 30_000);

  it('a wrong password is refused (NOT_AUTHORIZED), the step fails, and the password is masked', async () => {
    const bad = new URL(url);
    bad.password = 'not-the-password-42';
    const { r } = await roundTrip(bad.href, unique('telaio.pings'));
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { error: { code: string; message: string } };
    expect(report.error.code).toMatch(/^message-(receive|send)-failed$/);
    expect(report.error.message).toContain('NOT_AUTHORIZED');
    expect(r.stdout + r.stderr).not.toContain('not-the-password-42');
  }, 30_000);
});
