import { evaluateExpression, parseExpression, parseTemplate } from '@telaio/core';
import { describe, expect, it } from 'vitest';
import { printExpression } from '../../src/expressions/print-expression.js';

const ok = (text: string) => {
  const r = parseExpression(text);
  if (!r.ok) throw new Error(`${text}: ${r.error.message} @${r.error.offset}`);
  return r.value;
};

const base = { inputs: {}, outputs: {}, steps: {}, workflows: {}, sourceDescriptions: {}, components: {} };

describe('Arazzo 1.1.0 §Runtime Expressions: $self and $message', () => {
  it('parses $self (Self URI) and evaluates it to the document $self', () => {
    const self = ok('$self');
    expect(self).toEqual({ text: '$self', kind: 'self' });
    expect(evaluateExpression(self, { ...base, self: 'https://example.test/a.arazzo.yaml' })).toBe(
      'https://example.test/a.arazzo.yaml',
    );
    const missing: string[] = [];
    expect(evaluateExpression(self, base, (m) => missing.push(m.reason))).toBeUndefined();
    expect(missing).toEqual(['the document has no $self']);
  });

  it('parses $message.header.Server (Message header) and $message.payload#/status (Payload value)', () => {
    expect(ok('$message.header.Server')).toMatchObject({
      kind: 'message',
      source: { type: 'header', name: 'Server' },
    });
    const payload = ok('$message.payload#/status');
    expect(payload).toMatchObject({ kind: 'message', source: { type: 'payload', pointer: ['status'] } });
    const message = { headers: { server: 'x' }, body: { status: 'done' } };
    expect(evaluateExpression(payload, { ...base, message })).toBe('done');
    expect(evaluateExpression(ok('$message.payload'), { ...base, message })).toEqual({ status: 'done' });
  });

  it('prints them back as written', () => {
    for (const text of ['$self', '$message.payload#/a~1b', '$message.payload', '$message.header.X-Id'])
      expect(printExpression(ok(text))).toBe(text);
  });

  it('embeds $self in a template', () => {
    const t = parseTemplate('see {$self}#top');
    expect(t.ok).toBe(true);
  });

  it('keeps $message.payload.orderId a syntax error: the ABNF takes a JSON pointer after payload', () => {
    expect(parseExpression('$message.payload.orderId').ok).toBe(false);
  });
});
