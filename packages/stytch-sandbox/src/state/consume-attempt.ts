/**
 * Rate limit of authenticate attempts per user or member: a sliding window of `attempts` per
 * `windowMs`. Every attempt counts, successful or not, as a brute-force guard should.
 */
import { fail } from '../http/stytch-error.js';
import type { SandboxState } from './records.js';

/** Records one attempt for `subjectId`, or throws 429 `too_many_requests` when over the limit. */
export function consumeAttempt(options: { state: SandboxState; subjectId: string }): void {
  const { state, subjectId } = options;
  const now = state.clock();
  const since = now - state.rateLimit.windowMs;
  const recent = (state.attempts.get(subjectId) ?? []).filter((t) => t > since);
  if (recent.length >= state.rateLimit.attempts) {
    state.attempts.set(subjectId, recent);
    fail(429, 'too_many_requests', 'Too many requests have been made.');
  }
  recent.push(now);
  state.attempts.set(subjectId, recent);
}
