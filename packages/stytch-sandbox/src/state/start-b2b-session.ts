/**
 * The session a B2B authenticate call (TOTP authenticate, recovery codes recover) always starts
 * for the member, or the carried session it extends, with the factor just authenticated.
 */
import { authenticationFactor } from './authentication-factor.js';
import { mintSession } from './mint-session.js';
import type { MemberRecord, OrganizationRecord, SandboxState, SessionRecord } from './records.js';

/** Mints (or extends `existing`) the member session; `durationMinutes` defaults to 60 for a new one. */
export function startB2bSession(options: {
  state: SandboxState;
  member: MemberRecord;
  organization: OrganizationRecord;
  factor: { type: string; deliveryMethod: string; detail: Record<string, unknown> };
  durationMinutes: number | undefined;
  existing: SessionRecord | undefined;
}): SessionRecord {
  const { state } = options;
  return mintSession({
    state,
    kind: 'b2b',
    subjectId: options.member.memberId,
    organizationId: options.organization.organizationId,
    factor: authenticationFactor({ state, ...options.factor }),
    durationMinutes: options.durationMinutes,
    existing: options.existing,
  });
}
