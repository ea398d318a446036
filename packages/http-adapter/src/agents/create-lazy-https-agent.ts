import type https from 'node:https';

/** An https agent made when the first https request asks for it, and the way to destroy it if made. */
export interface LazyHttpsAgent {
  /** The agent, made (node:https, and node:tls with it) on the first call. */
  agent(): https.Agent;
  /** Destroys the agent's sockets, if the agent was ever made. */
  destroy(): void;
}

/**
 * A keep-alive https agent that exists only once an https request is sent: a run whose servers are
 * all http:// never loads TLS (~10M instructions of every cold `telaio run`). The transport's client
 * asks for the https agent only for an https URL (client/send-exchange.ts), so the agent is made at
 * the first https request, exactly when an eager one would first be used.
 */
export function createLazyHttpsAgent(options: https.AgentOptions): LazyHttpsAgent {
  let made: https.Agent | undefined;
  return {
    agent() {
      made ??= new (process.getBuiltinModule('node:https').Agent)(options);
      return made;
    },
    destroy: () => made?.destroy(),
  };
}
