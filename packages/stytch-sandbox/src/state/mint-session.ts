/**
 * Starts a session for a user or member after a successful authentication, or adds the factor to
 * (and extends) the session the request already carried, as Stytch does when a `session_token` or
 * `session_jwt` accompanies an authenticate call.
 */
import { createId, createSessionToken } from '../crypto/random-values.js';
import type { AuthenticationFactor, SandboxState, SessionRecord } from './records.js';

/** Creates or extends a session; `durationMinutes` is the lifetime from now. */
export function mintSession(options: {
  state: SandboxState;
  kind: 'consumer' | 'b2b';
  subjectId: string;
  organizationId?: string;
  factor: AuthenticationFactor;
  durationMinutes: number | undefined;
  existing?: SessionRecord;
}): SessionRecord {
  const { state } = options;
  const now = state.clock();
  const existing = options.existing;
  if (existing !== undefined) {
    existing.factors = [
      ...existing.factors.filter((f) => f.delivery_method !== options.factor.delivery_method),
      options.factor,
    ];
    existing.lastAccessedAt = now;
    if (options.durationMinutes !== undefined) existing.expiresAt = now + options.durationMinutes * 60_000;
    return existing;
  }
  const session: SessionRecord = {
    id: createId({ kind: options.kind === 'b2b' ? 'member-session' : 'session', env: state.env }),
    kind: options.kind,
    token: createSessionToken(),
    subjectId: options.subjectId,
    ...(options.organizationId === undefined ? {} : { organizationId: options.organizationId }),
    startedAt: now,
    lastAccessedAt: now,
    expiresAt: now + (options.durationMinutes ?? 60) * 60_000,
    factors: [options.factor],
  };
  state.sessions.set(session.id, session);
  state.sessionsByToken.set(session.token, session.id);
  return session;
}
