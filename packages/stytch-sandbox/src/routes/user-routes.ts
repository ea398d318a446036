/** Consumer users: create (`POST /v1/users`), get and delete (`/v1/users/{user_id}`). */
import { createId } from '../crypto/random-values.js';
import { readFields } from '../http/read-fields.js';
import type { Route } from '../http/route.js';
import { fail } from '../http/stytch-error.js';
import { presentUser } from '../present/present-user.js';
import { findUser } from '../state/find-user.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The consumer user endpoints. */
export const userRoutes: readonly Route[] = [
  {
    method: 'POST',
    path: '/v1/users',
    handle({ state, body }) {
      const fields = readFields({ body });
      const email = fields.optionalString('email')?.toLowerCase() ?? '';
      if (email !== '' && !EMAIL.test(email)) fail(400, 'invalid_email', 'Email format is invalid.');
      const name = fields.object('name');
      const trustedMetadata = fields.object('trusted_metadata');
      const untrustedMetadata = fields.object('untrusted_metadata');
      const externalId = fields.optionalString('external_id') ?? '';
      if (email !== '' && [...state.users.values()].some((u) => u.email === email)) {
        fail(400, 'duplicate_email', 'A user with the specified email already exists for this project.');
      }
      const user = {
        userId: createId({ kind: 'user', env: state.env }),
        emailId: email === '' ? '' : createId({ kind: 'email', env: state.env }),
        email,
        name: {
          first_name: typeof name.first_name === 'string' ? name.first_name : '',
          middle_name: typeof name.middle_name === 'string' ? name.middle_name : '',
          last_name: typeof name.last_name === 'string' ? name.last_name : '',
        },
        createdAt: state.clock(),
        trustedMetadata,
        untrustedMetadata,
        externalId,
      };
      state.users.set(user.userId, user);
      return {
        user_id: user.userId,
        email_id: user.emailId,
        status: 'active',
        phone_id: '',
        user: presentUser({ state, user }),
      };
    },
  },
  {
    method: 'GET',
    path: '/v1/users/{user_id}',
    handle({ state, params }) {
      const user = findUser({ state, userId: params.user_id! });
      return presentUser({ state, user });
    },
  },
  {
    method: 'DELETE',
    path: '/v1/users/{user_id}',
    handle({ state, params }) {
      const user = findUser({ state, userId: params.user_id! });
      state.users.delete(user.userId);
      state.totps.delete(user.userId);
      state.attempts.delete(user.userId);
      for (const session of [...state.sessions.values()]) {
        if (session.kind === 'consumer' && session.subjectId === user.userId) {
          state.sessions.delete(session.id);
          state.sessionsByToken.delete(session.token);
        }
      }
      return { user_id: user.userId };
    },
  },
];
