import type { InputClaimContext, PersonInputPlugin, RunObserver } from '@telaio/mcp';
import { buildOtpauthUri, findTotpSecret } from '@telaio/stytch-auth';

const CODE_FIELDS = new Set(['code', 'totp_code']);

/** The input a step's request body field reads directly (`$inputs.code` or `{$inputs.code}`). */
function inputRead(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return /^\{?\$inputs\.([A-Za-z0-9_.-]+)\}?$/.exec(value.trim())?.[1];
}

/** True when `name` is sent as the code of a TOTP authenticate call in the workflow. */
function isTotpCode({ workflow, name }: InputClaimContext): boolean {
  return workflow.steps.some((step) => {
    const operation = `${step.operationId ?? ''} ${step.operationPath ?? ''}`;
    if (!/totp/i.test(operation) || !/authenticate/i.test(operation)) return false;
    const payload = step.requestBody?.payload;
    if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return false;
    return Object.entries(payload).some(
      ([field, value]) => CODE_FIELDS.has(field) && inputRead(value) === name,
    );
  });
}

/**
 * The person's TOTP code: an input sent as `code`/`totp_code` to a TOTP authenticate operation is
 * read from the person's authenticator app, never made up by the agent. When the same run has
 * just created the TOTP registration, the question carries the otpauth:// key URI (what the QR
 * code holds), so the person can add the account to their app first. That URI goes to the person
 * only, in the elicitation: it never reaches a tool result or the server's log.
 */
export function stytchTotpCode(): PersonInputPlugin {
  const claimed = new Set<string>();
  return {
    claim(context) {
      if (!isTotpCode(context)) return undefined;
      claimed.add(context.name);
      return 'the current code of the authenticator app';
    },
    observe(): RunObserver {
      let found: { secret: string; account: string } | undefined;
      return {
        hooks: {
          onStepEnd: (e) => {
            found = findTotpSecret(e.result) ?? found;
          },
        },
        note(name) {
          if (!claimed.has(name) || found === undefined) return undefined;
          const uri = buildOtpauthUri({ secret: found.secret, account: found.account });
          return `To enrol, add this account to your authenticator app (scan it as a QR code or open it on your phone), then enter the 6-digit code it shows:\n${uri}`;
        },
      };
    },
  };
}
