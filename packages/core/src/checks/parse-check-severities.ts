import { TelaioError } from '../errors.js';
import type { CheckSeverities, CheckSeverity, ResponseCheckCode } from './check-types.js';
import { RESPONSE_CHECK_CODES, RESPONSE_CHECKS } from './response-checks.js';

const LEVELS: readonly CheckSeverity[] = ['error', 'warn', 'off'];

/** The check a name stands for: its code (`schema`), or Respect's name (`SCHEMA_CHECK`), any case. */
export function checkCodeOf(name: string): ResponseCheckCode | undefined {
  const wanted = name.trim().toLowerCase();
  return RESPONSE_CHECK_CODES.find(
    (code) => code === wanted || RESPONSE_CHECKS[code].respectName.toLowerCase() === wanted,
  );
}

/**
 * Parse `status-code=warn,SCHEMA_CHECK=off` (comma-separated, repeatable through `previous`) into
 * severities. `warning` is taken for `warn`. Throws TelaioError `usage` naming the bad entry and the
 * known names. Respect's SUCCESS_CRITERIA_CHECK is refused: successCriteria are the document's own
 * MUSTs and always count.
 */
export function parseCheckSeverities(text: string, previous: CheckSeverities = {}): CheckSeverities {
  const out: Partial<Record<ResponseCheckCode, CheckSeverity>> = { ...previous };
  for (const entry of text.split(',')) {
    if (entry.trim() === '') continue;
    const eq = entry.indexOf('=');
    const name = eq < 0 ? entry : entry.slice(0, eq);
    const level = (eq < 0 ? '' : entry.slice(eq + 1))
      .trim()
      .toLowerCase()
      .replace(/^warning$/, 'warn');
    const code = checkCodeOf(name);
    if (code === undefined) {
      const known = RESPONSE_CHECK_CODES.map((c) => `${c} (${RESPONSE_CHECKS[c].respectName})`).join(', ');
      throw new TelaioError(
        'usage',
        `--severity ${entry.trim()}: unknown check '${name.trim()}'; known: ${known}`,
      );
    }
    if (!LEVELS.includes(level as CheckSeverity))
      throw new TelaioError('usage', `--severity ${entry.trim()}: expected ${name.trim()}=error|warn|off`);
    out[code] = level as CheckSeverity;
  }
  return out;
}
