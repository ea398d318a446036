/**
 * An embedded MQTT broker for tests (aedes on 127.0.0.1, a free port): its URL, the number of
 * connected clients as the broker counts them, `dropClients()` to cut every connection from the
 * broker's side (a reconnect test), and an optional login check.
 */
import { createServer, type Socket } from 'node:net';
import { Aedes } from 'aedes';

export interface TestBroker {
  readonly url: string;
  readonly broker: Aedes;
  /** Clients connected now, as aedes counts them. */
  connectedClients(): number;
  /** TCP sockets open on the broker's side now. */
  openSockets(): number;
  /** Destroys every client socket from the broker's side. */
  dropClients(): void;
  close(): Promise<void>;
}

/** Starts aedes; with `login`, CONNECTs must carry that user and password. */
export async function startAedes(login?: { username: string; password: string }): Promise<TestBroker> {
  const broker = await Aedes.createBroker();
  if (login !== undefined)
    broker.authenticate = (_client, username, password, done) => {
      const ok = username === login.username && password?.toString() === login.password;
      if (ok) return done(null, true);
      const error = Object.assign(new Error('bad user name or password'), { returnCode: 4 });
      return done(error as Parameters<typeof done>[0], false);
    };
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    broker.handle(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `mqtt://127.0.0.1:${port}`,
    broker,
    connectedClients: () => broker.connectedClients,
    openSockets: () => sockets.size,
    dropClients: () => {
      for (const socket of sockets) socket.destroy();
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
