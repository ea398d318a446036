import type { StepResult } from '@telaio/core';
import { normaliseBase32 } from './normalise-base32.js';

/**
 * The base32 TOTP secret among the outputs of a successful Stytch TOTP create step (Stytch's host,
 * or a `/v1/totps` or `/v1/b2b/totp` path on any host, such as the sandbox), and whose it is (the
 * member or user id of the request, else of the outputs, else the step id); undefined otherwise.
 * Shared by the terminal QR hook and `telaio mcp`'s enrolment note.
 */
export function findTotpSecret(result: StepResult): { secret: string; account: string } | undefined {
  if (result.status !== 'success' || !isStytchTotpRequest(result.request?.url)) return undefined;
  for (const [name, value] of Object.entries(result.outputs)) {
    if (!/secret/i.test(name) || typeof value !== 'string' || value.length < 16) continue;
    try {
      return { secret: normaliseBase32(value), account: accountOf(result) };
    } catch {
      // not base32: not a TOTP secret
    }
  }
  return undefined;
}

/** Stytch's host, or a Stytch TOTP path on any host (a local sandbox). */
function isStytchTotpRequest(url: string | undefined): boolean {
  if (url === undefined) return false;
  try {
    const { hostname, pathname } = new URL(url);
    return /(^|\.)stytch\.com$/i.test(hostname) || /^\/v1\/(b2b\/totp|totps)(\/|$)/.test(pathname);
  } catch {
    return false;
  }
}

function accountOf(result: StepResult): string {
  const fromBody = readIds(parseJson(result.request?.body));
  const fromOutputs = readIds(result.outputs);
  return fromBody ?? fromOutputs ?? result.stepId;
}

function readIds(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  for (const key of ['member_id', 'memberId', 'user_id', 'userId']) {
    if (typeof record[key] === 'string' && record[key] !== '') return record[key];
  }
  return undefined;
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
