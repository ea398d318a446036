import type { InputProvider, InputRequest } from '@telaio/core';
import { evaluateExpression, parseExpression, TelaioError } from '@telaio/core';
import { generateTotpCode } from './generate-totp-code.js';

/** Options of {@link createTotpInputProvider}. */
export interface TotpInputProviderOptions {
  /**
   * Runtime expression yielding the base32 secret when the input is first read, e.g.
   * `$steps.createTotp.outputs.secret` (a leading `totp:` is accepted and ignored).
   */
  readonly expression: string;
  /** Code length; default 6. */
  readonly digits?: number;
  /** Time step in seconds; default 30. */
  readonly period?: number;
  /** Current time in milliseconds; default `Date.now` (tests pass a fixed clock). */
  readonly clock?: () => number;
}

/**
 * The `totp:EXPR` input provider of `telaio run --input-from`: when the workflow first reads the
 * input, it evaluates EXPR over the run so far and returns the current RFC 6238 code for that
 * secret, as a string. The value is secret. A malformed EXPR fails here, at creation
 * (`totp-expression-invalid`); an EXPR that yields no secret fails at resolve time
 * (`totp-secret-missing`).
 */
export function createTotpInputProvider(options: TotpInputProviderOptions): InputProvider {
  const text = options.expression.trim().replace(/^totp:/, '');
  const parsed = parseExpression(text);
  if (!parsed.ok) {
    throw new TelaioError(
      'totp-expression-invalid',
      `totp:${text} is not a runtime expression: ${parsed.error.message} (at offset ${parsed.error.offset})`,
      { details: { expression: text, offset: parsed.error.offset } },
    );
  }
  const expression = parsed.value;
  const clock = options.clock ?? Date.now;

  return {
    secret: true,
    resolve(request: InputRequest): string {
      let reason = 'it yielded no value';
      const value = evaluateExpression(expression, request.context, (missing) => {
        reason = missing.reason;
      });
      if (typeof value !== 'string' || value.trim() === '') {
        const why =
          value === undefined || value === null || value === ''
            ? reason
            : `it yielded a ${typeof value}, not a base32 string`;
        throw new TelaioError(
          'totp-secret-missing',
          `input '${request.name}' of workflow '${request.workflowId}' comes from totp:${text}, but ${why} ` +
            'when the input was read; is the step that returns the secret run before the step that reads the input?',
          { details: { input: request.name, expression: text } },
        );
      }
      return generateTotpCode({
        secret: value,
        timestamp: clock(),
        ...(options.digits === undefined ? {} : { digits: options.digits }),
        ...(options.period === undefined ? {} : { period: options.period }),
      });
    },
  };
}
