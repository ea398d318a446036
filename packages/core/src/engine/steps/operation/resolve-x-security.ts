/** `x-security` entries evaluated at send time into the credentials the transport applies. */
import { credentialFromValues } from '../../../adapters/credential-from-values.js';
import type { RequestSecurity } from '../../../adapters/credentials.js';
import { credentialSecrets } from '../../../adapters/static-credentials.js';
import type { ExpressionContext, MissingValueListener } from '../../../expressions/context.js';
import type { SecurityPlan } from './compile-x-security.js';

/**
 * Evaluate each entry's values against `ctx` and turn them into a credential for its scheme; the
 * first entry that cannot be filled (a value evaluating to nothing, a scheme telaio cannot fill)
 * comes back as a problem in words, and nothing is sent.
 */
export function resolveXSecurity(options: {
  readonly plans: readonly SecurityPlan[];
  readonly ctx: ExpressionContext;
  readonly onMissing: MissingValueListener;
}): { readonly security: RequestSecurity[] } | { readonly problem: string } {
  const security: RequestSecurity[] = [];
  for (const plan of options.plans) {
    const values: Record<string, unknown> = {};
    for (const [name, value, text] of plan.values) {
      const evaluated = value.evaluate(options.ctx, options.onMissing);
      if (evaluated === undefined)
        return {
          problem: `x-security value '${name}' of scheme '${plan.schemeName}' (${text}) has no value`,
        };
      values[name] = evaluated;
    }
    const filled = credentialFromValues({ scheme: plan.scheme, values });
    if ('problem' in filled)
      return { problem: `x-security scheme '${plan.schemeName}' at ${plan.pointer}: ${filled.problem}` };
    const { credential } = filled;
    security.push({
      schemeName: plan.schemeName,
      scheme: plan.scheme,
      credential,
      secrets: credentialSecrets(credential),
    });
  }
  return { security };
}
