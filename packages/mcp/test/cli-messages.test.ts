/**
 * `telaio mcp` serves a workflow with an AsyncAPI source like any other: the example order-events
 * shop (HTTP API + embedded aedes broker with a login, examples/order-events/service.js) is the
 * API; the agent calls the tool, the server places the order, takes the paid event from MQTT by
 * correlation id, confirms it and publishes the shipping request; the broker login (--auth, from
 * the environment) never reaches the tool result or stderr.
 */
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OrderService, startOrderService } from '../../../examples/order-events/service.js';
import { connectClient, ROOT, TELAIO } from './support/mcp-client.js';

let shop: OrderService;
beforeAll(async () => {
  shop = await startOrderService();
});
afterAll(() => shop?.close());

describe('telaio mcp with an AsyncAPI (MQTT) source [aedes]', () => {
  it('the tool runs the mixed HTTP + MQTT workflow; the broker password stays out of the result', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [
        TELAIO,
        'mcp',
        'examples/order-events/order-events.arazzo.yaml',
        '--server',
        `shop=${shop.httpUrl}`,
        '--server',
        `orderEvents=${shop.mqttUrl}`,
        '--auth',
        `orderEvents=basic:${shop.login.username}:env:BROKER_PASSWORD`,
      ],
      cwd: ROOT,
      stderr: 'pipe',
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', BROKER_PASSWORD: shop.login.password },
    });
    const stderr: string[] = [];
    transport.stderr?.on('data', (chunk) => stderr.push(String(chunk)));
    const { client } = await connectClient(transport);
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toEqual(['placeAndConfirmOrder']);
      const result = (await client.callTool({
        name: 'placeAndConfirmOrder',
        arguments: { item: 'loom', correlationId: 'mcp-1', address: shop.login.password },
      })) as CallToolResult;
      expect(result.isError ?? false, JSON.stringify(result)).toBe(false);
      expect(result.structuredContent).toMatchObject({
        status: 'success',
        outputs: { status: 'paid', state: 'confirmed' },
      });
      const order = [...shop.orders.values()].find((o) => o.correlationId === 'mcp-1');
      expect(order?.shipping?.correlationId).toBe('mcp-1');
      expect(JSON.stringify(result) + stderr.join('')).not.toContain(shop.login.password);
    } finally {
      await client.close();
    }
  }, 30_000);
});
