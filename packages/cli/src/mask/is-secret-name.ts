import { createRedactor } from '@telaio/http-adapter';

const rules = createRedactor();

/**
 * True when a value stored under `name` (an object key, header, input or output name) is
 * secret-looking, by the http adapter's redaction rules (`secret`, `password`, `*_token`/`*Token`,
 * `*_jwt`, `qr_code`/`qrCode`, `recovery_codes`/`currentRecoveryCodes`, `client_secret`, API keys,
 * Authorization, Cookie...), so reports, HAR and logs agree on what is secret.
 */
export function isSecretName(name: string): boolean {
  return rules.isSecretName(name);
}
