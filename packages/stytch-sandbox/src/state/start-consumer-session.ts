/**
 * The session half of a consumer authenticate call (TOTP authenticate, TOTP recover): as Stytch
 * answers, a session is started (or the carried one extended) only when `session_duration_minutes`
 * or an existing session is given; otherwise `session_token` and `session_jwt` are empty strings.
 */
import { presentSession } from '../present/present-session.js';
import { authenticationFactor } from './authentication-factor.js';
import { issueSessionJwt } from './issue-session-jwt.js';
import { mintSession } from './mint-session.js';
import type { SandboxState, SessionRecord } from './records.js';

/** Mints the session for `userId` with the factor when asked; returns `session_token`, `session_jwt` (and `session`). */
export function startConsumerSession(options: {
  state: SandboxState;
  userId: string;
  factor: { type: string; deliveryMethod: string; detail: Record<string, unknown> };
  durationMinutes: number | undefined;
  existing: SessionRecord | undefined;
}): Record<string, unknown> {
  const { state, durationMinutes, existing } = options;
  if (durationMinutes === undefined && existing === undefined) return { session_token: '', session_jwt: '' };
  const session = mintSession({
    state,
    kind: 'consumer',
    subjectId: options.userId,
    factor: authenticationFactor({ state, ...options.factor }),
    durationMinutes,
    existing,
  });
  return {
    session_token: session.token,
    session_jwt: issueSessionJwt({ state, session }),
    session: presentSession({ state, session }),
  };
}
