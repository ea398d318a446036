/** The shape of one sandbox endpoint. */
import type { SandboxState } from '../state/records.js';

/** What a handler receives: state, path parameters, query and the parsed JSON body. */
export interface RouteContext {
  state: SandboxState;
  params: Record<string, string>;
  query: URLSearchParams;
  /** The parsed JSON body (an object), or {} for a request without one. */
  body: Record<string, unknown>;
}

/** One endpoint: method, path pattern with `{name}` placeholders, and its handler. */
export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  /** Returns the success body; `request_id` and `status_code` are added by the server. */
  handle(context: RouteContext): Record<string, unknown> | Promise<Record<string, unknown>>;
}
