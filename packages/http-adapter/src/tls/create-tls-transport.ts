import http from 'node:http';
import type https from 'node:https';
import {
  createHttpTransport,
  type HttpTransport,
  type HttpTransportOptions,
} from '../create-http-transport.js';
import type { HarLog } from '../har/har-types.js';

/** PEM material for TLS: a client certificate and its key (mutual TLS), and CAs to trust. */
export interface TlsMaterial {
  /** Client certificate chain (PEM). */
  readonly cert?: string | Buffer;
  /** Its private key (PEM). Never logged, never in HAR or errors. */
  readonly key?: string | Buffer;
  /** Certificate authorities to trust besides Node's (PEM). */
  readonly ca?: string | Buffer;
}

/** TLS settings: for every source (`all`) and per source description name (on top of `all`). */
export interface TlsOptions {
  readonly all?: TlsMaterial;
  readonly bySource?: Readonly<Record<string, TlsMaterial>>;
  /** Do not verify server certificates (`--insecure`). */
  readonly insecure?: boolean;
}

/**
 * A Transport that speaks TLS as `tls` says, per source description: one keep-alive https agent
 * (client certificate, key, CAs, verification) and one underlying HTTP transport per distinct
 * setting, chosen by the request's source name. HAR merges every underlying transport's entries in
 * time order; close() destroys every agent. Keys stay inside the agents: nothing here logs them.
 */
export function createTlsTransport(
  options: HttpTransportOptions & { readonly tls: TlsOptions },
): HttpTransport {
  const { tls, ...base } = options;
  const keepAlive = base.keepAlive ?? true;
  const httpAgent = base.agents?.http ?? new http.Agent({ keepAlive });
  const agents: https.Agent[] = [];
  const build = (material: TlsMaterial): HttpTransport => {
    // node:https on first use (process.getBuiltinModule): createHttpTransport, beside this in every
    // bundle, must not load it for runs that never speak TLS.
    const agent = new (process.getBuiltinModule('node:https').Agent)({
      keepAlive,
      ...(material.cert === undefined ? {} : { cert: material.cert }),
      ...(material.key === undefined ? {} : { key: material.key }),
      ...(material.ca === undefined ? {} : { ca: material.ca }),
      rejectUnauthorized: tls.insecure !== true,
    });
    agents.push(agent);
    return createHttpTransport({ ...base, agents: { http: httpAgent, https: agent } });
  };
  const fallback = build(tls.all ?? {});
  const bySource = new Map<string, HttpTransport>();
  for (const [name, material] of Object.entries(tls.bySource ?? {}))
    bySource.set(name, build({ ...tls.all, ...material }));
  const all = [fallback, ...bySource.values()];
  return {
    send(request, context) {
      const name = request.source?.name ?? request.operation.sourceName;
      return (bySource.get(name) ?? fallback).send(request, context);
    },
    close() {
      for (const transport of all) transport.close();
      for (const agent of agents) agent.destroy();
      if (base.agents?.http === undefined) httpAgent.destroy();
    },
    har(): HarLog {
      const logs = all.map((t) => t.har());
      const entries = logs.flatMap((l) => l.log.entries);
      entries.sort((a, b) => a.startedDateTime.localeCompare(b.startedDateTime));
      return { log: { ...(logs[0] as HarLog).log, entries } };
    },
  };
}
