// Compile hints for V8: the bundle's top-level functions that a run or a validation calls at every
// start are compiled once, eagerly, instead of twice. V8 compiles a function lazily: when it loads a
// file it only pre-parses each function body (to find its end and its free variables), then parses
// it again, fully, the first time the function is called. For the ~400 top-level functions every
// `telaio run` calls, the pre-parse is wasted work: hinted, a cached 2-step run took 884M
// instructions instead of 905M (Node's own start: 515M), one without caches 940M instead of 973M
// (callgrind, measured while the HTTP client was still got). V8 compiles a function eagerly when it is a parenthesized function expression (its
// "PIFE" heuristic, meant for `(function () {...})()`), so each such declaration
//
//   function name(params) { body }
//
// becomes, moved to the top of its file,
//
//   var name=(function(params) { body });
//
// which is the same binding with the same function (the variable gives it its name; `length`,
// `this`, `arguments` and `new.target` are those of any function expression; inside, `name` still
// refers to the file's binding, as with the declaration), initialized before any of the file's other
// statements run, as the declaration's hoisting did. What differs: a declaration is initialized when
// the module is linked, before any module runs, a variable only when its own file starts running.
// That is visible only to a module that runs earlier and calls the function at once, which takes an
// import cycle: files in one are left as they are (see filesInImportCycles).
//
// Which functions: the names listed in eager-functions.json, made by find-eager-functions.mjs from
// V8's log of the functions a run, a test and a validation call. A name missing from a file is
// skipped; a listed function that a command does not call costs a full compile instead of a
// pre-parse, nothing else. The list only moves time, never behaviour.
import ts from 'typescript';

/**
 * Rewrites the top-level function declarations of one ES module whose names are in `names` into
 * hoisted, parenthesized function expressions (see the file comment).
 * @param {string} text the module's source
 * @param {ReadonlySet<string>} names the functions to compile eagerly
 * @returns {{ text: string, hinted: string[] }} the new source, and the names rewritten
 */
export function hintEagerFunctions(text, names) {
  const file = ts.createSourceFile('chunk.mjs', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const hoisted = [];
  const hinted = [];
  const removed = [];
  for (const statement of file.statements) {
    if (
      !ts.isFunctionDeclaration(statement) ||
      statement.name === undefined ||
      statement.body === undefined ||
      !names.has(statement.name.text) ||
      // `export function` and `export default function` keep their form (esbuild writes neither: its
      // exports are one `export {...}` list at the end).
      statement.modifiers?.some((m) => m.kind !== ts.SyntaxKind.AsyncKeyword)
    )
      continue;
    const start = statement.getStart(file);
    const name = statement.name;
    // The expression is the declaration's own text without its name: `async function*(a){...}`.
    const expression = text.slice(start, name.getStart(file)).trimEnd() + text.slice(name.end, statement.end);
    hoisted.push(`var ${name.text}=(${expression});`);
    hinted.push(name.text);
    removed.push([start, statement.end]);
  }
  if (hinted.length === 0) return { text, hinted };
  let out = '';
  let at = 0;
  for (const [start, end] of removed) {
    out += text.slice(at, start);
    at = end;
  }
  out += text.slice(at);
  return { text: hoisted.join('') + out, hinted };
}

/**
 * The names of a module's top-level functions, in either form: declarations, and variables bound to
 * a (parenthesized) function expression, which is what hintEagerFunctions makes of them. So a list
 * made from a hinted build names the same functions as one made from a plain build.
 * @param {string} text the module's source
 * @returns {Set<string>}
 */
export function topLevelFunctions(text) {
  const file = ts.createSourceFile('chunk.mjs', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const names = new Set();
  for (const statement of file.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) names.add(statement.name.text);
    if (ts.isVariableStatement(statement))
      for (const d of statement.declarationList.declarations) {
        let init = d.initializer;
        while (init !== undefined && ts.isParenthesizedExpression(init)) init = init.expression;
        if (init !== undefined && ts.isFunctionExpression(init) && ts.isIdentifier(d.name))
          names.add(d.name.text);
      }
  }
  return names;
}

/**
 * The files of a set of ES modules that are part of an import cycle: a file importing, directly or
 * not, a file that imports it. Static imports only (`import ... from "./x"`, `export ... from "./x"`);
 * a dynamic import() runs after its importer has been evaluated.
 * @param {ReadonlyMap<string, string>} texts file name -> source, for files that import each other as "./NAME"
 * @returns {Set<string>}
 */
export function filesInImportCycles(texts) {
  const imports = new Map(
    [...texts].map(([name, text]) => [
      name,
      [...text.matchAll(/(?:from|import)\s*"\.\/([^"]+)"/g)].map((m) => m[1]).filter((n) => texts.has(n)),
    ]),
  );
  const reaches = (from, to) => {
    const seen = new Set();
    const stack = [...(imports.get(from) ?? [])];
    while (stack.length > 0) {
      const n = stack.pop();
      if (n === to) return true;
      if (seen.has(n)) continue;
      seen.add(n);
      stack.push(...(imports.get(n) ?? []));
    }
    return false;
  };
  return new Set([...texts.keys()].filter((name) => reaches(name, name)));
}
