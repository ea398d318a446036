import { findExpansionProblem } from '../document/find-expansion-problem.js';
import { requireJsYaml } from '../document/require-js-yaml.js';
import { parseYamlFast } from '../yaml/parse-yaml-fast.js';

/**
 * Parse a source's text (JSON or YAML) without positions, fast: JSON.parse when it looks like JSON,
 * else the fast YAML reader (yaml/parse-yaml-fast.ts: js-yaml's exact value for block-style YAML,
 * about 1.5x js-yaml cold and 3x warm), else js-yaml (loaded only then). Throws on a syntax error, and on YAML aliases
 * that expand too far or nesting too deep (findExpansionProblem; a value from the fast reader has no
 * aliases and nests less than js-yaml allows, so it skips that walk).
 */
export function parseSourceText(text: string): unknown {
  const start = text.trimStart()[0];
  if (start === '{' || start === '[') {
    try {
      return checked(JSON.parse(text));
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      // JSON-looking YAML (flow style): fall through to the YAML parsers.
    }
  }
  const fast = parseYamlFast(text, { schema: 'default', json: true, lazy: true });
  if (fast.ok) return fast.value;
  return checked(requireJsYaml().load(text, { json: true }));
}

function checked(value: unknown): unknown {
  const problem = findExpansionProblem(value);
  if (problem !== undefined) throw new Error(`${problem.message} (at ${problem.pointer || '/'})`);
  return value;
}
