/** Looks up a consumer user by id, with Stytch's errors for a malformed (400) or unknown (404) id. */
import { fail } from '../http/stytch-error.js';
import type { SandboxState, UserRecord } from './records.js';

const USER_ID = /^user-(test|live)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Returns the user or throws `invalid_user_id` / `user_not_found`. */
export function findUser(options: { state: SandboxState; userId: string }): UserRecord {
  if (!USER_ID.test(options.userId)) fail(400, 'invalid_user_id', 'user_id format is invalid.');
  const user = options.state.users.get(options.userId);
  if (user === undefined) fail(404, 'user_not_found', 'User could not be found.');
  return user;
}
