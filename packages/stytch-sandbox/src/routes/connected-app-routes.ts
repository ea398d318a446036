/**
 * A user's Connected Apps: list (`GET /v1/users/{user_id}/connected_apps`) and revoke
 * (`POST /v1/users/{user_id}/connected_apps/{connected_app_id}/revoke`). A Connected App appears
 * on a user only after the user completes an OAuth authorization flow with it, and the sandbox
 * serves no such flow, so every user's list is empty and every revoke is 404
 * `connected_app_not_found`, as Stytch answers for an app the user never authorized.
 */
import type { Route } from '../http/route.js';
import { fail } from '../http/stytch-error.js';
import { findUser } from '../state/find-user.js';

/** The consumer Connected Apps consent-management endpoints. */
export const connectedAppRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/v1/users/{user_id}/connected_apps',
    handle({ state, params }) {
      findUser({ state, userId: params.user_id! });
      return { connected_apps: [] };
    },
  },
  {
    method: 'POST',
    path: '/v1/users/{user_id}/connected_apps/{connected_app_id}/revoke',
    handle({ state, params }) {
      findUser({ state, userId: params.user_id! });
      fail(404, 'connected_app_not_found', 'The Connected App requested could not be found.');
    },
  },
];
