/**
 * The authentication factor a successful authenticate call adds to a session, as Stytch lists it
 * (`type`, `delivery_method`, the three timestamps, then the kind-specific `<kind>_factor`).
 */
import { formatTime } from '../present/format-time.js';
import type { AuthenticationFactor, SandboxState } from './records.js';

/** Builds a factor authenticated now; `detail` is its `<kind>_factor` entry, e.g. `{ authenticator_app_factor: {...} }`. */
export function authenticationFactor(options: {
  state: SandboxState;
  type: string;
  deliveryMethod: string;
  detail: Record<string, unknown>;
}): AuthenticationFactor {
  const now = formatTime({ ms: options.state.clock() });
  return {
    type: options.type,
    delivery_method: options.deliveryMethod,
    last_authenticated_at: now,
    created_at: now,
    updated_at: now,
    ...options.detail,
  };
}
