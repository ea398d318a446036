import { UsageError } from './usage-error.js';

const UNITS: Readonly<Record<string, number>> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/**
 * A size flag's value to bytes: a bare number of bytes, or a number with K, M or G (1024-based;
 * `KB`, `KiB`, `MB`, `MiB`... are read alike): `50M`, `512KiB`, `1.5G`.
 */
export function parseSize(text: string, flag: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(?:([kmg])(?:i?b)?|b)?$/i.exec(text.trim());
  if (match === null)
    throw new UsageError(
      `${flag} expects a size such as 50M, 512K or 1G (bytes without a unit), got '${text}'`,
    );
  const bytes = Math.floor(Number(match[1]) * (UNITS[(match[2] ?? '').toLowerCase()] ?? 1));
  if (bytes <= 0) throw new UsageError(`${flag} must be greater than zero`);
  return bytes;
}
