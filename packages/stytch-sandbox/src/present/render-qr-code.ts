/**
 * The `qr_code` of a TOTP registration: a real QR code (PNG, base64 data URI) of the otpauth:// URI
 * an authenticator app scans. The qrcode package is loaded on first use so starting a sandbox
 * stays fast.
 */

/** The otpauth:// URI for `secret`, labelled `issuer:account`. */
function buildOtpauthUri(options: { secret: string; issuer: string; account: string }): string {
  const label = encodeURIComponent(`${options.issuer}:${options.account}`);
  const params = new URLSearchParams({
    secret: options.secret,
    issuer: options.issuer,
    algorithm: 'SHA1',
    digits: '6',
    period: '30',
  });
  return `otpauth://totp/${label}?${params.toString()}`;
}

/** Renders the QR code of the otpauth URI as `data:image/png;base64,...`. */
export async function renderQrCode(options: {
  secret: string;
  issuer: string;
  account: string;
}): Promise<string> {
  const qrcode = await import('qrcode');
  const toDataURL = qrcode.toDataURL ?? (qrcode as unknown as { default: typeof qrcode }).default.toDataURL;
  return toDataURL(buildOtpauthUri(options), { type: 'image/png', errorCorrectionLevel: 'M', margin: 2 });
}
