/**
 * The in-memory records of one sandbox. Every mutation happens synchronously inside one request
 * handler, after the request body has been read, so concurrent requests never interleave between a
 * check and the change it guards.
 */
import type { Environment } from '../crypto/random-values.js';

/** A consumer user. */
export interface UserRecord {
  userId: string;
  emailId: string;
  email: string;
  name: { first_name: string; middle_name: string; last_name: string };
  createdAt: number;
  trustedMetadata: Record<string, unknown>;
  untrustedMetadata: Record<string, unknown>;
  externalId: string;
}

/** A B2B organization. */
export interface OrganizationRecord {
  organizationId: string;
  name: string;
  slug: string;
  logoUrl: string;
  createdAt: number;
  updatedAt: number;
  trustedMetadata: Record<string, unknown>;
}

/** A member of a B2B organization. */
export interface MemberRecord {
  memberId: string;
  organizationId: string;
  email: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  mfaEnrolled: boolean;
  defaultMfaMethod: string;
  trustedMetadata: Record<string, unknown>;
  untrustedMetadata: Record<string, unknown>;
}

/** One recovery code of a TOTP registration. */
export interface RecoveryCodeRecord {
  id: string;
  code: string;
  used: boolean;
}

/** A TOTP registration of a user (`consumer`) or member (`b2b`); at most one per subject. */
export interface TotpRecord {
  id: string;
  kind: 'consumer' | 'b2b';
  subjectId: string;
  secret: string;
  /** True once a code was authenticated: the registration is then active. */
  verified: boolean;
  createdAt: number;
  /** An unverified registration is usable until then; ignored once verified. */
  expiresAt: number;
  recoveryCodes: RecoveryCodeRecord[];
  /** Time steps whose code was already accepted (replays are refused). */
  usedSteps: Set<number>;
}

/** An authentication factor as Stytch lists it on a session. */
export type AuthenticationFactor = Record<string, unknown> & { type: string; delivery_method: string };

/** A consumer session or a B2B member session. */
export interface SessionRecord {
  id: string;
  kind: 'consumer' | 'b2b';
  token: string;
  subjectId: string;
  organizationId?: string;
  startedAt: number;
  lastAccessedAt: number;
  expiresAt: number;
  factors: AuthenticationFactor[];
}

/** Everything one sandbox holds. */
export interface SandboxState {
  readonly env: Environment;
  readonly projectId: string;
  readonly secret: string;
  readonly clock: () => number;
  readonly rateLimit: { attempts: number; windowMs: number };
  readonly users: Map<string, UserRecord>;
  readonly organizations: Map<string, OrganizationRecord>;
  readonly members: Map<string, MemberRecord>;
  /** TOTP registrations keyed by user id or member id. */
  readonly totps: Map<string, TotpRecord>;
  readonly sessions: Map<string, SessionRecord>;
  /** Session id by session token. */
  readonly sessionsByToken: Map<string, string>;
  /** Timestamps of recent authenticate attempts, keyed by user id or member id. */
  readonly attempts: Map<string, number[]>;
}
