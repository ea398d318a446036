/**
 * Sessions authenticate, consumer (`POST /v1/sessions/authenticate`) and B2B
 * (`POST /v1/b2b/sessions/authenticate`): a live session named by `session_token` or `session_jwt`
 * is answered with a fresh JWT, and extended when `session_duration_minutes` is given.
 */
import { readFields } from '../http/read-fields.js';
import type { Route, RouteContext } from '../http/route.js';
import { fail } from '../http/stytch-error.js';
import { presentMember } from '../present/present-member.js';
import { presentOrganization } from '../present/present-organization.js';
import { presentSession } from '../present/present-session.js';
import { presentUser } from '../present/present-user.js';
import { findSession } from '../state/find-session.js';
import { issueSessionJwt } from '../state/issue-session-jwt.js';
import type { SessionRecord } from '../state/records.js';

/** Finds and touches the session a request names; the shared half of both endpoints. */
function touchSession({ state, body }: RouteContext, kind: 'consumer' | 'b2b'): SessionRecord {
  const fields = readFields({ body });
  const sessionToken = fields.optionalString('session_token');
  const sessionJwt = fields.optionalString('session_jwt');
  const duration = fields.sessionDuration();
  if (sessionToken === undefined && sessionJwt === undefined) {
    fail(
      400,
      'missing_required_field',
      'session_token or session_jwt is required, but neither was provided.',
    );
  }
  const session = findSession({ state, kind, sessionToken, sessionJwt });
  const now = state.clock();
  session.lastAccessedAt = now;
  if (duration !== undefined) session.expiresAt = now + duration * 60_000;
  return session;
}

/** The session endpoints. */
export const sessionRoutes: readonly Route[] = [
  {
    method: 'POST',
    path: '/v1/sessions/authenticate',
    handle(context) {
      const { state } = context;
      const session = touchSession(context, 'consumer');
      const user = state.users.get(session.subjectId);
      if (user === undefined) fail(404, 'user_not_found', 'User could not be found.');
      return {
        session: presentSession({ state, session }),
        session_token: session.token,
        session_jwt: issueSessionJwt({ state, session }),
        user: presentUser({ state, user }),
      };
    },
  },
  {
    method: 'POST',
    path: '/v1/b2b/sessions/authenticate',
    handle(context) {
      const { state } = context;
      const session = touchSession(context, 'b2b');
      const member = state.members.get(session.subjectId);
      const organization = state.organizations.get(session.organizationId ?? '');
      if (member === undefined || organization === undefined)
        fail(404, 'member_not_found', 'Member could not be found.');
      return {
        member_session: presentSession({ state, session }),
        session_token: session.token,
        session_jwt: issueSessionJwt({ state, session }),
        member: presentMember({ state, member }),
        organization: presentOrganization({ organization }),
      };
    },
  },
];
