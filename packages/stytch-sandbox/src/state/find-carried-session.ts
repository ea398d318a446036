/**
 * The session an authenticate call may carry (`session_token` or `session_jwt`) to be extended
 * with the new factor: none when neither is given, and an error when it belongs to someone else.
 */
import { fail } from '../http/stytch-error.js';
import { findSession } from './find-session.js';
import type { SandboxState, SessionRecord } from './records.js';

/** Finds the carried session of `kind`, checking it belongs to `subjectId` (the user or member). */
export function findCarriedSession(options: {
  state: SandboxState;
  kind: 'consumer' | 'b2b';
  sessionToken: string | undefined;
  sessionJwt: string | undefined;
  subjectId: string;
}): SessionRecord | undefined {
  const { state, kind, sessionToken, sessionJwt } = options;
  if (sessionToken === undefined && sessionJwt === undefined) return undefined;
  const existing = findSession({ state, kind, sessionToken, sessionJwt });
  if (existing.subjectId !== options.subjectId) {
    if (kind === 'b2b') fail(400, 'session_member_mismatch', 'The session does not belong to this member.');
    fail(400, 'session_user_mismatch', 'The session does not belong to this user.');
  }
  return existing;
}
