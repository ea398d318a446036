/** The consumer User object, as Stytch returns it (api_user_v1_User). */
import type { SandboxState, UserRecord } from '../state/records.js';
import { formatTime } from './format-time.js';

/** Renders `user` with its TOTP registration (if any) in `totps`. */
export function presentUser(options: { state: SandboxState; user: UserRecord }): Record<string, unknown> {
  const { user, state } = options;
  const totp = state.totps.get(user.userId);
  return {
    user_id: user.userId,
    emails: user.email === '' ? [] : [{ email_id: user.emailId, email: user.email, verified: false }],
    status: 'active',
    phone_numbers: [],
    webauthn_registrations: [],
    providers: [],
    totps: totp === undefined ? [] : [{ totp_id: totp.id, verified: totp.verified }],
    crypto_wallets: [],
    biometric_registrations: [],
    is_locked: false,
    roles: ['stytch_user'],
    name: user.name,
    created_at: formatTime({ ms: user.createdAt }),
    password: null,
    trusted_metadata: user.trustedMetadata,
    untrusted_metadata: user.untrustedMetadata,
    external_id: user.externalId,
  };
}
