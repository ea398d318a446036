import { createRequire } from 'node:module';
import type { EngineHooks } from '@telaio/core';
import type * as QRCodeModule from 'qrcode';
import { buildOtpauthUri } from './build-otpauth-uri.js';
import { findTotpSecret } from './find-totp-secret.js';

// qrcode (CommonJS, ~25 ms of load CPU) is required when a QR code is drawn, not at import.
const require = createRequire(import.meta.url);

/** Options of {@link createQrHook}. */
export interface QrHookOptions {
  /** Where the QR code goes; default `process.stderr.write`. */
  readonly write?: (text: string) => void;
  /** Whether the output is a terminal; default `process.stderr.isTTY`. `true` forces the QR code. */
  readonly isTTY?: boolean;
  /** Issuer shown in the authenticator app; default `Stytch`. */
  readonly issuer?: string;
}

/**
 * EngineHooks that, on an interactive terminal, show a scannable QR code when a Stytch TOTP create
 * step succeeds: an `otpauth://totp/Stytch:<member or user id>?secret=…` URI rendered with
 * qrcode's small terminal renderer (loaded only then). Neither the secret nor the URI is printed as text.
 */
export function createQrHook(options: QrHookOptions = {}): EngineHooks {
  const write = options.write ?? ((text: string) => void process.stderr.write(text));
  const interactive = options.isTTY ?? process.stderr.isTTY === true;
  const shown = new Set<string>();

  return {
    onStepEnd(event) {
      if (!interactive) return;
      const found = findTotpSecret(event.result);
      if (found === undefined || shown.has(found.secret)) return;
      shown.add(found.secret);
      const uri = buildOtpauthUri({
        secret: found.secret,
        account: found.account,
        issuer: options.issuer ?? 'Stytch',
      });
      const QRCode = require('qrcode') as typeof QRCodeModule;
      QRCode.toString(uri, { type: 'terminal', small: true }, (error, qr) => {
        if (error) return write(`(could not draw the TOTP QR code for ${found.account}: ${error.message})\n`);
        write(
          `Scan with your authenticator app to enrol ${found.account} (step ${event.result.stepId}):\n${qr}\n`,
        );
      });
    },
  };
}
