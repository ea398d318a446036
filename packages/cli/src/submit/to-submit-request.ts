import type { ExternalInputRequest } from '@telaio/dbos';
import type { ParsedFlags } from '../commands/command-spec.js';
import { parseAssignment } from '../shared/parse-assignment.js';
import { parseDuration } from '../shared/parse-duration.js';
import { readInputAssignments } from '../shared/read-input-assignments.js';
import { readServerAssignments } from '../shared/read-server-assignments.js';
import { UsageError } from '../shared/usage-error.js';
import type { SubmitFlags } from './command.js';

/** What `telaio submit`'s flags ask for, checked (UsageError, exit 2, on anything malformed). */
export interface SubmitRequestFlags {
  readonly workflowId?: string;
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly rawInputs: Readonly<Record<string, string>>;
  readonly inputsFile?: string;
  readonly servers: Readonly<Record<string, string>>;
  readonly externalInputs: Readonly<Record<string, ExternalInputRequest>>;
  readonly inputFrom: Readonly<Record<string, string>>;
}

/** Reads `--input`, `--inputs`, `--server` and `--input-from` (resolve, env, totp) of `telaio submit`. */
export function toSubmitRequest(flags: ParsedFlags<SubmitFlags>): SubmitRequestFlags {
  const { inputs, rawInputs } = readInputAssignments(flags.input);
  const servers = readServerAssignments(flags.server);
  const externalInputs: Record<string, ExternalInputRequest> = {};
  const inputFrom: Record<string, string> = {};
  for (const text of flags['input-from']) {
    const { name, value } = parseAssignment(text, '--input-from');
    const colon = value.indexOf(':');
    const provider = colon < 0 ? value : value.slice(0, colon);
    const arg = colon < 0 ? '' : value.slice(colon + 1);
    if (provider === 'resolve') {
      const timeoutMs = arg === '' ? undefined : parseDuration(arg, `--input-from ${name}=resolve:DURATION`);
      externalInputs[name] = timeoutMs === undefined ? { secret: true } : { timeoutMs, secret: true };
    } else if ((provider === 'env' || provider === 'totp') && arg !== '') inputFrom[name] = value;
    else
      throw new UsageError(
        `--input-from ${name}: unknown provider '${value}' for a durable run (use resolve[:DURATION], env:VAR or totp:EXPR; a prompt has no terminal on a worker: use resolve)`,
      );
  }
  return {
    ...(flags.workflow === undefined ? {} : { workflowId: flags.workflow }),
    inputs,
    rawInputs,
    ...(flags.inputs === undefined ? {} : { inputsFile: flags.inputs }),
    servers,
    externalInputs,
    inputFrom,
  };
}
