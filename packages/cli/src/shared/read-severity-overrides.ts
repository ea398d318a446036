import type { SeverityOverrides } from '@telaio/core/lint';
import { UsageError } from './usage-error.js';

/**
 * `--severity RULE=LEVEL` (repeatable, comma lists) as core's severity overrides; undefined when
 * none were given. An unknown rule or level is a usage error (exit 2) in the words core gives.
 */
export async function readSeverityOverrides(
  specs: readonly string[],
): Promise<SeverityOverrides | undefined> {
  if (specs.length === 0) return undefined;
  const { parseSeverityOverrides } = await import('@telaio/core/lint');
  try {
    return parseSeverityOverrides(specs);
  } catch (error) {
    throw new UsageError((error as Error).message, undefined, { showUsage: true });
  }
}
