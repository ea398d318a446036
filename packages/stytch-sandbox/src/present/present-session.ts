/**
 * Sessions as Stytch returns them: a consumer `session` (api_session_v1_Session) or a B2B
 * `member_session` (api_b2b_session_v1_MemberSession), chosen by the record's kind.
 */
import type { SandboxState, SessionRecord } from '../state/records.js';
import { formatTime } from './format-time.js';

/** Renders `session` in the shape of its kind. */
export function presentSession(options: {
  state: SandboxState;
  session: SessionRecord;
}): Record<string, unknown> {
  const { session, state } = options;
  const times = {
    started_at: formatTime({ ms: session.startedAt }),
    last_accessed_at: formatTime({ ms: session.lastAccessedAt }),
    expires_at: formatTime({ ms: session.expiresAt }),
  };
  if (session.kind === 'consumer') {
    return {
      session_id: session.id,
      user_id: session.subjectId,
      authentication_factors: session.factors,
      roles: ['stytch_user'],
      ...times,
      attributes: { ip_address: '', user_agent: '' },
      custom_claims: {},
    };
  }
  const org = state.organizations.get(session.organizationId ?? '');
  return {
    member_session_id: session.id,
    member_id: session.subjectId,
    ...times,
    authentication_factors: session.factors,
    organization_id: session.organizationId,
    roles: ['stytch_member'],
    organization_slug: org?.slug ?? '',
    custom_claims: {},
  };
}
