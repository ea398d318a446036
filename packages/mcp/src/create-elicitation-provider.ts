import type { ElicitRequestFormParams, ElicitResult } from '@modelcontextprotocol/sdk/types.js';
import { type InputProvider, type InputRequest, TelaioError } from '@telaio/core';

/** Sends one form elicitation to the client (undefined when the client cannot elicit). */
export type Elicit = (params: ElicitRequestFormParams, signal: AbortSignal) => Promise<ElicitResult>;

const STRING_FORMATS = new Set(['email', 'uri', 'date', 'date-time']);

/**
 * The elicitation field for an input: MCP forms take flat primitives only (string, number,
 * integer, boolean, string enums), so the input's schema is narrowed to what a form can carry; the
 * engine validates the answer against the full schema afterwards.
 */
export function toFormField(
  name: string,
  schema: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const common = {
    title: typeof schema.title === 'string' ? schema.title : name,
    ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
  };
  if (type === 'integer' || type === 'number') {
    const bounds = Object.fromEntries(
      ['minimum', 'maximum'].flatMap((k) => (typeof schema[k] === 'number' ? [[k, schema[k]]] : [])),
    );
    return { type, ...common, ...bounds };
  }
  if (type === 'boolean') return { type, ...common };
  if (Array.isArray(schema.enum) && schema.enum.every((v) => typeof v === 'string'))
    return { type: 'string', ...common, enum: schema.enum };
  const extra = Object.fromEntries(
    ['minLength', 'maxLength'].flatMap((k) => (typeof schema[k] === 'number' ? [[k, schema[k]]] : [])),
  );
  const format =
    typeof schema.format === 'string' && STRING_FORMATS.has(schema.format) ? { format: schema.format } : {};
  return { type: 'string', ...common, ...extra, ...format };
}

/**
 * An InputProvider that asks the person through MCP elicitation when the workflow first reads the
 * input: the message names the tool, the input and why it is the person's, plus any note a plugin
 * adds (e.g. the otpauth URI to enrol an authenticator). No client support, a declined or
 * cancelled form: a TelaioError naming the input (`elicitation-unsupported`, `input-declined`).
 * The answer is secret: it is masked wherever it could show.
 */
export function createElicitationProvider(options: {
  readonly tool: string;
  readonly reason: string;
  readonly elicit: Elicit | undefined;
  readonly note?: (name: string) => string | undefined;
}): InputProvider {
  return {
    secret: true,
    async resolve(request: InputRequest): Promise<unknown> {
      const { name } = request;
      if (options.elicit === undefined) {
        throw new TelaioError(
          'elicitation-unsupported',
          `input '${name}' of tool ${options.tool} is given by the person (${options.reason}), and this MCP client does not support elicitation, so it cannot be asked for; use a client with elicitation, or start the server with --input-from ${name}=env:VAR`,
        );
      }
      const schema = (request.schema ?? {}) as Record<string, unknown>;
      const note = options.note?.(name);
      const message = [
        `The tool ${options.tool} (workflow ${request.workflowId}) needs ${name}: ${options.reason}.`,
        typeof schema.description === 'string' ? schema.description : undefined,
        note,
      ]
        .filter((part) => part !== undefined)
        .join('\n\n');
      const answer = await options.elicit(
        {
          mode: 'form',
          message,
          requestedSchema: {
            type: 'object',
            properties: { [name]: toFormField(name, schema) },
            required: [name],
          },
        } as ElicitRequestFormParams,
        request.signal,
      );
      if (answer.action !== 'accept' || answer.content?.[name] === undefined) {
        throw new TelaioError(
          'input-declined',
          `the person ${answer.action === 'accept' ? 'gave no value for' : answer.action === 'decline' ? 'declined to give' : 'cancelled the question for'} input '${name}'`,
        );
      }
      return answer.content[name];
    },
  };
}
