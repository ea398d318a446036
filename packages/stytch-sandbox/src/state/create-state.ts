/**
 * Builds a fresh sandbox state holding the records CONTRACT.md promises: one organization, one
 * member without MFA, one member already enrolled in TOTP with 10 recovery codes.
 */
import {
  createId,
  createRecoveryCodes,
  createTotpSecret,
  type Environment,
} from '../crypto/random-values.js';
import type { MemberRecord, SandboxState } from './records.js';

/** The fixed ids of the seeded records (the same in every fresh sandbox). */
export const SEED_IDS = {
  organizationId: 'organization-test-00000000-0000-4000-8000-000000000001',
  memberId: 'member-test-00000000-0000-4000-8000-000000000001',
  enrolledMemberId: 'member-test-00000000-0000-4000-8000-000000000002',
} as const;

/** What a fresh sandbox seeds, with the enrolled member's secret and codes for tests. */
export interface SandboxSeeds {
  /** The seeded organization (slug `sandbox-organization`). */
  readonly organizationId: string;
  /** A member of it with no MFA. */
  readonly memberId: string;
  /** A member of it enrolled in TOTP. */
  readonly enrolledMemberId: string;
  /** The enrolled member's 10 unused recovery codes (random per sandbox). */
  readonly enrolledMemberRecoveryCodes: readonly string[];
  /** The enrolled member's base32 TOTP secret (random per sandbox). */
  readonly enrolledMemberTotpSecret: string;
}

/** Creates the state of a new sandbox, seeded, and returns it with the seeds. */
export function createState(options: {
  env: Environment;
  projectId: string;
  secret: string;
  clock: () => number;
  rateLimit: { attempts: number; windowMs: number };
}): { state: SandboxState; seeds: SandboxSeeds } {
  const state: SandboxState = {
    ...options,
    users: new Map(),
    organizations: new Map(),
    members: new Map(),
    totps: new Map(),
    sessions: new Map(),
    sessionsByToken: new Map(),
    attempts: new Map(),
  };
  const now = options.clock();
  state.organizations.set(SEED_IDS.organizationId, {
    organizationId: SEED_IDS.organizationId,
    name: 'Sandbox Organization',
    slug: 'sandbox-organization',
    logoUrl: '',
    createdAt: now,
    updatedAt: now,
    trustedMetadata: {},
  });
  const member = (memberId: string, email: string, name: string): MemberRecord => ({
    memberId,
    organizationId: SEED_IDS.organizationId,
    email,
    name,
    createdAt: now,
    updatedAt: now,
    mfaEnrolled: false,
    defaultMfaMethod: '',
    trustedMetadata: {},
    untrustedMetadata: {},
  });
  state.members.set(SEED_IDS.memberId, member(SEED_IDS.memberId, 'ada@sandbox.example', 'Ada Sandbox'));
  const enrolled = member(SEED_IDS.enrolledMemberId, 'grace@sandbox.example', 'Grace Sandbox');
  enrolled.mfaEnrolled = true;
  enrolled.defaultMfaMethod = 'totp';
  state.members.set(SEED_IDS.enrolledMemberId, enrolled);

  const secret = createTotpSecret();
  const codes = createRecoveryCodes();
  state.totps.set(SEED_IDS.enrolledMemberId, {
    id: createId({ kind: 'member-totp', env: 'test' }),
    kind: 'b2b',
    subjectId: SEED_IDS.enrolledMemberId,
    secret,
    verified: true,
    createdAt: now,
    expiresAt: now,
    recoveryCodes: codes.map((code) => ({
      id: createId({ kind: 'member-totp-recovery-code', env: 'test' }),
      code,
      used: false,
    })),
    usedSteps: new Set(),
  });
  return {
    state,
    seeds: { ...SEED_IDS, enrolledMemberRecoveryCodes: codes, enrolledMemberTotpSecret: secret },
  };
}
