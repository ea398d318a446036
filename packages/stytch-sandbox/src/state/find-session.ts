/**
 * Finds the live session a request names by `session_token` or `session_jwt`. An unknown token, a
 * JWT not signed by this sandbox, a session of the other product (consumer vs B2B) and an expired
 * session all answer 404 `session_not_found`, as Stytch does once a session is gone.
 */
import { readSessionJwt } from '../crypto/session-jwt.js';
import { fail } from '../http/stytch-error.js';
import type { SandboxState, SessionRecord } from './records.js';

/** Returns the session, or throws `session_not_found`; drops it from state when it has expired. */
export function findSession(options: {
  state: SandboxState;
  kind: 'consumer' | 'b2b';
  sessionToken?: string;
  sessionJwt?: string;
}): SessionRecord {
  const { state } = options;
  let id: string | undefined;
  if (options.sessionToken !== undefined) id = state.sessionsByToken.get(options.sessionToken);
  else if (options.sessionJwt !== undefined)
    id = readSessionJwt({ jwt: options.sessionJwt, key: state.secret })?.['https://stytch.com/session'].id;
  const session = id === undefined ? undefined : state.sessions.get(id);
  if (session === undefined || session.kind !== options.kind)
    fail(404, 'session_not_found', 'Session could not be found.');
  if (session.expiresAt <= state.clock()) {
    state.sessions.delete(session.id);
    state.sessionsByToken.delete(session.token);
    fail(404, 'session_not_found', 'Session could not be found.');
  }
  return session;
}
