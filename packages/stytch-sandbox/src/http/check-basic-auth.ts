/**
 * HTTP Basic authentication against the sandbox's project id and secret. Both halves are compared
 * in constant time (over SHA-256 digests, so lengths do not leak either).
 */
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** True when `authorization` is `Basic base64(projectId:secret)` for this sandbox. */
export function checkBasicAuth(options: {
  authorization: string | undefined;
  projectId: string;
  secret: string;
}): boolean {
  const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(options.authorization ?? '');
  const decoded = match === null ? '' : Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = colon < 0 ? '' : decoded.slice(0, colon);
  const password = colon < 0 ? '' : decoded.slice(colon + 1);
  // Evaluate both comparisons always: no early exit that would time the first one.
  const userOk = timingSafeEqual(digest(user), digest(options.projectId));
  const passwordOk = timingSafeEqual(digest(password), digest(options.secret));
  return match !== null && colon >= 0 && userOk && passwordOk;
}
