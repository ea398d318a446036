/**
 * The shop the order-events example talks to, all on 127.0.0.1: an HTTP API (POST /orders,
 * POST /orders/{id}/confirmation, GET /orders/{id}) and an embedded MQTT broker (aedes) that
 * requires a login. Right after an order is placed (its 201 already written) the service publishes
 * the order's payment status on `orders/{orderId}/status`, echoing the X-Correlation-Id it was
 * placed with; it first publishes the status of someone else's order, which a receive filtered by
 * correlation id must ignore. Shipping requests published on `shipping/requests` are recorded on
 * their order.
 *
 *   import { startOrderService } from './service.js';
 *   const shop = await startOrderService();   // free ports; shop.httpUrl, shop.mqttUrl, shop.close()
 *   node examples/order-events/service.js     // serves on 8080 and 1883 (the descriptions' servers) until Ctrl-C
 */
import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Aedes } from 'aedes';

/** The broker login run.js passes with --auth (the password never shows in telaio's output). */
export const BROKER_LOGIN = { username: 'shop', password: 'loom-broker-secret-7f3a' };

/** Starts the service; ports 0 (default) pick free ones. */
export async function startOrderService(options = {}) {
  const login = options.login ?? BROKER_LOGIN;
  const orders = new Map();
  const broker = await Aedes.createBroker();
  broker.authenticate = (_client, username, password, done) => {
    if (username === login.username && password?.toString() === login.password) return done(null, true);
    return done(Object.assign(new Error('bad user name or password'), { returnCode: 4 }), false);
  };
  const publish = (topic, payload) =>
    new Promise((resolve) =>
      broker.publish(
        { cmd: 'publish', topic, payload: JSON.stringify(payload), qos: 0, retain: false, dup: false },
        resolve,
      ),
    );
  await new Promise((resolve) =>
    broker.subscribe(
      'shipping/requests',
      (packet, done) => {
        try {
          const request = JSON.parse(packet.payload.toString());
          const order = orders.get(request.orderId);
          if (order !== undefined) order.shipping = request;
        } catch {
          // not JSON: ignored
        }
        done();
      },
      resolve,
    ),
  );
  const sockets = new Set();
  const mqttServer = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    broker.handle(socket);
  });

  const http = createHttpServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const send = (status, body) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'POST' && url.pathname === '/orders') {
      let body;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString() || '{}');
      } catch {
        return send(400, { error: 'the body is not JSON' });
      }
      const correlationId = req.headers['x-correlation-id'];
      if (typeof body.item !== 'string' || typeof correlationId !== 'string')
        return send(400, { error: 'item and X-Correlation-Id are required' });
      const orderId = `o-${randomUUID().slice(0, 8)}`;
      orders.set(orderId, {
        orderId,
        item: body.item,
        quantity: body.quantity ?? 1,
        state: 'placed',
        correlationId,
      });
      send(201, { orderId, state: 'placed' });
      // The payment goes through at once: the event may well arrive before the workflow asks for it.
      await publish(`orders/o-other/status`, {
        orderId: 'o-other',
        status: 'rejected',
        correlationId: randomUUID(),
      });
      orders.get(orderId).state = 'paid';
      await publish(`orders/${orderId}/status`, {
        orderId,
        status: 'paid',
        correlationId,
        paidAt: new Date().toISOString(),
      });
      return undefined;
    }
    const confirm = /^\/orders\/([^/]+)\/confirmation$/.exec(url.pathname);
    if (req.method === 'POST' && confirm !== null) {
      const order = orders.get(decodeURIComponent(confirm[1]));
      if (order === undefined) return send(404, { error: 'no such order' });
      if (order.state !== 'paid' && order.state !== 'confirmed')
        return send(409, { error: `order is ${order.state}` });
      order.state = 'confirmed';
      return send(200, {
        orderId: order.orderId,
        state: order.state,
        shippingRequested: order.shipping !== undefined,
      });
    }
    const read = /^\/orders\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && read !== null) {
      const order = orders.get(decodeURIComponent(read[1]));
      return order === undefined ? send(404, { error: 'no such order' }) : send(200, order);
    }
    return send(404, { error: 'not found' });
  });

  const listen = (server, port) =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve(server.address().port));
    });
  const httpPort = await listen(http, options.httpPort ?? 0);
  const mqttPort = await listen(mqttServer, options.mqttPort ?? 0);
  return {
    httpUrl: `http://127.0.0.1:${httpPort}`,
    mqttUrl: `mqtt://127.0.0.1:${mqttPort}`,
    login,
    orders,
    /** MQTT clients connected now (telaio's must be gone once a run ended). */
    connectedClients: () => broker.connectedClients,
    async close() {
      for (const socket of sockets) socket.destroy();
      http.closeAllConnections?.();
      await new Promise((resolve) => broker.close(resolve));
      await Promise.all([
        new Promise((resolve) => mqttServer.close(resolve)),
        new Promise((resolve) => http.close(resolve)),
      ]);
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const shop = await startOrderService({ httpPort: 8080, mqttPort: 1883 });
  process.stdout.write(
    `shop API ${shop.httpUrl}, MQTT broker ${shop.mqttUrl} (user ${shop.login.username}); Ctrl-C stops\n`,
  );
  process.once('SIGINT', () => void shop.close());
}
