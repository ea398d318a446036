import { createRedactor } from '@telaio/http-adapter';

const rules = createRedactor();

/** What the CLI adds to the adapter's rules: prefixed recovery/backup code lists (`currentRecoveryCodes`, `new_recovery_codes`). */
const EXTRA = /(^|_)(recovery_codes?|backup_codes?|qr_code)$/;

/**
 * True when a value stored under `name` (an object key, header, input or output name) is
 * secret-looking: the http adapter's redaction rules (`secret`, `password`, `*_token`/`*Token`,
 * `*_jwt`, `qr_code`/`qrCode`, `recovery_codes`/`recoveryCodes`, `client_secret`, API keys,
 * Authorization, Cookie...), so reports, HAR and logs agree on what is secret, plus names that end
 * in recovery/backup codes.
 */
export function isSecretName(name: string): boolean {
  if (rules.isSecretName(name)) return true;
  const snake = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[-\s.]/g, '_');
  return EXTRA.test(snake);
}
