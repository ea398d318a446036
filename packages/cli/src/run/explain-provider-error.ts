import type { RunResult } from '@telaio/core';

/**
 * The run result with an `input-missing` error explained by the provider that failed for that
 * input (`totp:` found no secret, the prompt was closed), and `interrupted` when a signal stopped
 * it (`interrupted` is the signal's name: SIGINT for Ctrl-C, SIGTERM, SIGHUP).
 */
export function explainProviderError(
  result: RunResult,
  failures: ReadonlyMap<string, string>,
  interrupted: string | undefined,
): RunResult {
  const error = result.error;
  if (error === undefined) return result;
  if (interrupted !== undefined)
    return {
      ...result,
      error: {
        ...error,
        code: 'interrupted',
        message: `interrupted (${interrupted === 'SIGINT' ? 'Ctrl-C' : interrupted}): ${error.message}`,
      },
    };
  if (error.code !== 'input-missing') return result;
  const name = /input '([^']+)'/.exec(error.message)?.[1];
  const reason = name === undefined ? undefined : failures.get(name);
  if (reason === undefined) return result;
  return {
    ...result,
    error: { ...error, message: reason.includes(`'${name}'`) ? reason : `input '${name}': ${reason}` },
  };
}
