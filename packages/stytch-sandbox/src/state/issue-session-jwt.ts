/** Mints the session JWT for a session record, with Stytch's claims, valid five minutes from now. */
import { SESSION_JWT_LIFETIME_SECONDS, signSessionJwt } from '../crypto/session-jwt.js';
import { formatTime } from '../present/format-time.js';
import type { SandboxState, SessionRecord } from './records.js';

/** Signs a fresh JWT for `session` with the sandbox secret. */
export function issueSessionJwt(options: { state: SandboxState; session: SessionRecord }): string {
  const { state, session } = options;
  const now = Math.floor(state.clock() / 1000);
  const org =
    session.organizationId === undefined ? undefined : state.organizations.get(session.organizationId);
  return signSessionJwt({
    key: state.secret,
    keyId: `jwk-${state.env}-sandbox`,
    claims: {
      sub: session.subjectId,
      iss: `stytch.com/${state.projectId}`,
      aud: [state.projectId],
      iat: now,
      nbf: now,
      exp: now + SESSION_JWT_LIFETIME_SECONDS,
      'https://stytch.com/session': {
        id: session.id,
        started_at: formatTime({ ms: session.startedAt }),
        last_accessed_at: formatTime({ ms: session.lastAccessedAt }),
        expires_at: formatTime({ ms: session.expiresAt }),
        authentication_factors: session.factors,
      },
      ...(org === undefined
        ? {}
        : { 'https://stytch.com/organization': { organization_id: org.organizationId, slug: org.slug } }),
    },
  });
}
