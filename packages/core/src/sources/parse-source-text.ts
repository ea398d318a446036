import { load } from 'js-yaml';

/**
 * Parse a source's text (JSON or YAML) without positions, fast: JSON.parse when it looks like JSON,
 * else js-yaml (about 5x faster than `yaml` on a 1.5 MB OpenAPI file). Throws on a syntax error.
 */
export function parseSourceText(text: string): unknown {
  const start = text.trimStart()[0];
  if (start === '{' || start === '[') {
    try {
      return JSON.parse(text);
    } catch {
      // JSON-looking YAML (flow style): fall through to the YAML parser.
    }
  }
  return load(text, { json: true });
}
