import type https from 'node:https';

/** An https agent made when the first https request needs it, and the way to destroy it if made. */
export interface LazyHttpsAgent {
  /** What Node's https client is given: the agent, made on its first use. */
  readonly agent: https.Agent;
  /** Destroys the agent's sockets, if the agent was ever made. */
  destroy(): void;
}

/**
 * A keep-alive https agent that exists only once an https request is sent: an object that stands
 * for it and makes it (node:https, and node:tls with it) on the first read of any of its properties,
 * then forwards every read (methods bound to it), write and prototype query to it. A run whose
 * servers are all http:// never loads TLS (~10M instructions of every cold `telaio run`). The
 * transport only stores the object and hands it to Node's https request; Node's client reads `protocol`,
 * `defaultPort`, `keepAlive`, `maxSockets` and calls `addRequest`, so the agent is made at the first
 * https request, exactly when an eager one would first be used.
 */
export function createLazyHttpsAgent(options: https.AgentOptions): LazyHttpsAgent {
  let made: https.Agent | undefined;
  const make = (): https.Agent => {
    made ??= new (process.getBuiltinModule('node:https').Agent)(options);
    return made;
  };
  const agent = new Proxy({} as https.Agent, {
    get(_target, key) {
      const real = make();
      const value: unknown = Reflect.get(real, key, real);
      return typeof value === 'function' ? value.bind(real) : value;
    },
    set: (_target, key, value) => Reflect.set(make(), key, value),
    has: (_target, key) => Reflect.has(make(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(make()),
  });
  return { agent, destroy: () => made?.destroy() };
}
