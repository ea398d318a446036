/**
 * @telaio/stytch-auth: Stytch credentials (HTTP Basic, test/live server choice), the `totp:` input
 * provider, and a hook that shows the TOTP enrollment QR code in the terminal.
 */

export * from './basic-auth-header.js';
export * from './build-otpauth-uri.js';
export * from './choose-stytch-server.js';
export * from './create-qr-hook.js';
export * from './create-stytch-credentials.js';
export * from './create-totp-input-provider.js';
export * from './find-totp-secret.js';
export * from './generate-totp-code.js';
export * from './is-stytch-source.js';
export * from './normalise-base32.js';
