import type { InputProvider, InputRequest } from '@telaio/core';
import { isSecretName } from '../mask/is-secret-name.js';
import type { Colors } from '../shared/colors-for.js';
import { askQuestion } from './ask-question.js';

/**
 * An InputProvider that asks on the terminal when the workflow first reads the input (so the TOTP
 * `code` is asked for after createTotp ran and its QR code was shown). Typing is hidden for
 * secret-looking names; the answer is converted to the schema's type (integer, number, boolean,
 * object/array as JSON, else the string as typed).
 */
export function createPromptProvider(options: {
  readonly colors: Colors;
  readonly before?: () => void;
}): InputProvider {
  return {
    async resolve(request: InputRequest) {
      options.before?.();
      const c = options.colors;
      const schema = (request.schema ?? {}) as { type?: unknown; description?: unknown };
      const about = typeof schema.description === 'string' ? c.dim(` (${schema.description})`) : '';
      const hidden = isSecretName(request.name);
      const question = `${c.cyan('?')} ${c.bold(request.name)}${about}${hidden ? c.dim(' [hidden]') : ''}: `;
      for (;;) {
        const answer = await askQuestion(question, { hidden, signal: request.signal });
        const value = convert(answer, schema.type);
        if (value !== undefined) return value;
        process.stderr.write(`  ${c.yellow(`'${answer}' is not a ${String(schema.type)}, try again`)}\n`);
      }
    },
  };
}

function convert(answer: string, type: unknown): unknown {
  const text = answer.trim();
  if (type === 'integer') return /^-?\d+$/.test(text) ? Number(text) : undefined;
  if (type === 'number') return text !== '' && Number.isFinite(Number(text)) ? Number(text) : undefined;
  if (type === 'boolean') return text === 'true' ? true : text === 'false' ? false : undefined;
  if (type === 'object' || type === 'array') {
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  }
  return answer;
}
