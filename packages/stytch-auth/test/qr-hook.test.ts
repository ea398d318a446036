import type { StepResult } from '@telaio/core';
import { buildOtpauthUri, createQrHook } from '@telaio/stytch-auth';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const MEMBER = 'member-test-00000000-0000-4000-8000-000000000001';
const scope = { runId: 'r1', workflowId: 'totp-enrollment', depth: 0 };

function createTotpResult(overrides: Partial<StepResult> = {}): StepResult {
  return {
    stepId: 'createTotp',
    workflowId: 'totp-enrollment',
    status: 'success',
    statusCode: 200,
    attempts: 1,
    durationMs: 3,
    outputs: {
      totpRegistrationId: 'member-totp-test-1',
      secret: SECRET,
      qrCode: 'data:image/png;base64,AAAA',
    },
    request: {
      method: 'POST',
      url: 'http://127.0.0.1:40123/v1/b2b/totp',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ organization_id: 'organization-test-1', member_id: MEMBER }),
    },
    ...overrides,
  };
}

function capture(isTTY: boolean) {
  const chunks: string[] = [];
  const hooks = createQrHook({ isTTY, write: (s) => chunks.push(s) });
  return { hooks, text: () => chunks.join('') };
}

describe('buildOtpauthUri', () => {
  it('builds the Key URI with issuer, account and Stytch parameters', () => {
    const uri = buildOtpauthUri({ secret: SECRET.toLowerCase(), account: MEMBER });
    expect(uri).toBe(
      `otpauth://totp/Stytch:${MEMBER}?secret=${SECRET}&issuer=Stytch&algorithm=SHA1&digits=6&period=30`,
    );
  });
});

describe('createQrHook', () => {
  it('draws the otpauth QR code for the member on a TTY, without printing the secret', () => {
    const { hooks, text } = capture(true);
    hooks.onStepEnd?.({ ...scope, result: createTotpResult() });
    const uri = buildOtpauthUri({ secret: SECRET, account: MEMBER });
    let expected = '';
    QRCode.toString(uri, { type: 'terminal', small: true }, (_e, qr) => {
      expected = qr;
    });
    expect(expected.length).toBeGreaterThan(100);
    expect(text()).toContain(expected);
    expect(text()).toContain(MEMBER);
    expect(text()).not.toContain(SECRET);
    expect(text()).not.toContain('otpauth://');
  });

  it('stays silent off a TTY', () => {
    const { hooks, text } = capture(false);
    hooks.onStepEnd?.({ ...scope, result: createTotpResult() });
    expect(text()).toBe('');
  });

  it('ignores failed steps, steps without a secret, and non-Stytch requests', () => {
    const { hooks, text } = capture(true);
    hooks.onStepEnd?.({ ...scope, result: createTotpResult({ status: 'failure' }) });
    hooks.onStepEnd?.({ ...scope, result: createTotpResult({ outputs: { memberId: MEMBER } }) });
    const other = createTotpResult();
    hooks.onStepEnd?.({
      ...scope,
      result: { ...other, request: { ...other.request!, url: 'https://pets.example/v1/pets' } },
    });
    expect(text()).toBe('');
  });

  it('uses the user id of a consumer TOTP on Stytch, once per secret', () => {
    const { hooks, text } = capture(true);
    const consumer = createTotpResult({
      request: {
        method: 'POST',
        url: 'https://test.stytch.com/v1/totps',
        headers: {},
        body: '{"user_id":"user-test-42"}',
      },
    });
    hooks.onStepEnd?.({ ...scope, result: consumer });
    hooks.onStepEnd?.({ ...scope, result: consumer });
    expect(text()).toContain('user-test-42');
    expect(text().split('Scan with').length - 1).toBe(1);
  });
});
