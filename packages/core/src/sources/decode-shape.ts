import type { ResponseShape } from './types.js';

const LETTER_TYPE: Readonly<Record<string, string>> = {
  s: 'string',
  n: 'number',
  i: 'integer',
  b: 'boolean',
};

/**
 * A decoder for shapes written by encodeShapes, over that encoding's table. Grammar:
 * `node := '&' digits | ['*'] [s|n|i|b] ['{' member (',' member)* '}'] ['[' node ']']`,
 * `member := name [':' node]`, with `\` escaping `\{}[],:*&` in names. Table entries are decoded once
 * and shared. Malformed text yields an open shape rather than an exception (the cache is untrusted).
 */
export function createShapeDecoder(table: readonly string[]): (text: string) => ResponseShape {
  const decoded = new Map<number, ResponseShape>();
  const entry = (id: number, depth: number): ResponseShape => {
    let shape = decoded.get(id);
    if (shape === undefined) {
      const text = table[id];
      shape = text === undefined || depth > 64 ? { open: true } : parse(text, depth + 1);
      decoded.set(id, shape);
    }
    return shape;
  };
  const parse = (text: string, depth: number): ResponseShape => {
    let i = 0;
    const node = (): ResponseShape => {
      if (text[i] === '&') {
        const match = /^\d+/.exec(text.slice(i + 1, i + 12));
        i += 1 + (match?.[0].length ?? 0);
        return entry(Number(match?.[0] ?? -1), depth);
      }
      const out: { -readonly [K in keyof ResponseShape]: ResponseShape[K] } = {};
      if (text[i] === '*') {
        out.open = true;
        i++;
      }
      const type = LETTER_TYPE[text[i] ?? ''];
      if (type !== undefined) {
        out.type = type;
        i++;
      }
      if (text[i] === '{') {
        i++;
        const properties: Record<string, ResponseShape> = {};
        while (i < text.length && text[i] !== '}') {
          let name = '';
          while (i < text.length && !':,}'.includes(text[i]!)) {
            if (text[i] === '\\') i++;
            name += text[i] ?? '';
            i++;
          }
          let member: ResponseShape = {};
          if (text[i] === ':') {
            i++;
            member = node();
          }
          properties[name] = member;
          if (text[i] === ',') i++;
        }
        i++;
        out.properties = properties;
      }
      if (text[i] === '[') {
        i++;
        out.items = node();
        i++;
      }
      return out;
    };
    return node();
  };
  return (text) => parse(text, 0);
}
