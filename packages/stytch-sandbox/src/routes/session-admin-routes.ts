/**
 * Consumer session management: list a user's live sessions (`GET /v1/sessions?user_id=`) and revoke
 * one (`POST /v1/sessions/revoke` by `session_id`, `session_token` or `session_jwt`).
 */
import { readSessionJwt } from '../crypto/session-jwt.js';
import { readFields } from '../http/read-fields.js';
import type { Route } from '../http/route.js';
import { fail } from '../http/stytch-error.js';
import { presentSession } from '../present/present-session.js';
import { findUser } from '../state/find-user.js';

/** The session list and revoke endpoints. */
export const sessionAdminRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/v1/sessions',
    handle({ state, query }) {
      const userId = query.get('user_id') ?? '';
      if (userId === '')
        fail(400, 'missing_required_field', 'user_id is a required field, but it was not provided.');
      const user = findUser({ state, userId });
      const now = state.clock();
      const sessions = [...state.sessions.values()].filter(
        (s) => s.kind === 'consumer' && s.subjectId === user.userId && s.expiresAt > now,
      );
      return { sessions: sessions.map((session) => presentSession({ state, session })) };
    },
  },
  {
    method: 'POST',
    path: '/v1/sessions/revoke',
    handle({ state, body }) {
      const fields = readFields({ body });
      const sessionId = fields.optionalString('session_id');
      const sessionToken = fields.optionalString('session_token');
      const sessionJwt = fields.optionalString('session_jwt');
      if (sessionId === undefined && sessionToken === undefined && sessionJwt === undefined) {
        fail(
          400,
          'missing_required_field',
          'One of session_id, session_token or session_jwt is required, but none was provided.',
        );
      }
      const id =
        sessionId ??
        (sessionToken !== undefined
          ? state.sessionsByToken.get(sessionToken)
          : readSessionJwt({ jwt: sessionJwt ?? '', key: state.secret })?.['https://stytch.com/session'].id);
      const session = id === undefined ? undefined : state.sessions.get(id);
      if (session === undefined || session.kind !== 'consumer')
        fail(404, 'session_not_found', 'Session could not be found.');
      state.sessions.delete(session.id);
      state.sessionsByToken.delete(session.token);
      return {};
    },
  },
];
