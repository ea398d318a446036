/**
 * JSONPath as in draft-goessner-dispatch-jsonpath-00, through jsonpath-plus with its safe evaluator
 * (`eval: 'safe'`: filter scripts are interpreted, never run through native eval). jsonpath-plus is
 * loaded on the first compile.
 */
import { loadJsonpathPlus } from './lazy-library.js';
import { CriterionSyntaxError } from './types.js';

type SafeScript = new (code: string) => unknown;

/** A selector for a Goessner JSONPath; filter scripts are syntax-checked now when possible. */
export function compileGoessner(path: string): (value: unknown) => readonly unknown[] {
  const { JSONPath } = loadJsonpathPlus();
  let parts: readonly string[];
  try {
    parts = JSONPath.toPathArray(path);
  } catch (e) {
    throw new CriterionSyntaxError(`bad JSONPath: ${(e as Error).message}`);
  }
  const Script = (JSONPath.prototype as unknown as { safeVm?: { Script?: SafeScript } }).safeVm?.Script;
  for (const part of parts) {
    const script = /^\?\((.*)\)$/s.exec(part)?.[1] ?? /^\((.*)\)$/s.exec(part)?.[1];
    if (script === undefined || Script === undefined) continue;
    try {
      new Script(
        script
          .replaceAll(/@([.\s)[])/gu, '_$_v$1')
          .replaceAll(/@(parentProperty|parent|property|root|path)/g, '_$_$1'),
      );
    } catch (e) {
      throw new CriterionSyntaxError(`bad JSONPath filter '${script}': ${(e as Error).message}`);
    }
  }
  return (value) => {
    const result = JSONPath({ path, json: value as never, eval: 'safe', wrap: true, ignoreEvalErrors: true });
    return Array.isArray(result) ? result : [];
  };
}
