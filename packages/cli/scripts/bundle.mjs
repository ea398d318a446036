// Bundles the compiled CLI (dist/main.js, after `tsc -b`) and the workspace packages and libraries
// it imports into ES modules in dist/: the entry dist/telaio.bundle.mjs (the command declarations,
// about 30 KB), which bin/telaio.js imports when present, and the chunks each command's lazy handler
// import loads (dist/telaio.chunk-HASH.mjs): a few files to read and compile instead of a few hundred
// modules to resolve, which roughly halves the CPU of a cold `telaio run`, and only the code the
// command needs (validate never compiles the HTTP client, run never the validate-only code). They
// are loaded with plain import()s, like any module (a V8 code cache through vm.Script would save a
// little more, but compiling code by hand is not worth it).
//
// Libraries loaded lazily through `createRequire(import.meta.url)` (ajv, fontoxpath, qrcode, yaml,
// ...) stay outside the bundle and are still loaded only when needed: each `import.meta.url` in a
// workspace file is rewritten to the URL of that original file, relative to the bundle's folder
// (entry and chunks share it), so such a `require` (and `../package.json` for --version) resolves
// exactly as it does unbundled. The relative path holds both in this workspace (packages/cli/dist ->
// packages/core/dist) and in an install (node_modules/@telaio/cli/dist -> node_modules/@telaio/core/dist).
// Usage: node scripts/bundle.mjs  (run by the package's build script after tsc -b)
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { filesInImportCycles, hintEagerFunctions } from './hint-eager-functions.mjs';

const cliDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(cliDir, 'dist', 'telaio.bundle.mjs');
const packagesDir = path.dirname(cliDir);

/**
 * CommonJS libraries that workspace files load lazily with a literal `require` (ajv for input and
 * response checks, yaml for positions and syntax errors, js-yaml for text the fast YAML reader gives
 * up on, qrcode for the TOTP hook): each group is
 * bundled on its own into a CommonJS file beside the chunks (dist/telaio.lib-NAME.cjs), and those
 * requires become requires of that file. A run that never needs them neither reads nor compiles
 * them (bundled into the chunks, as before, they were parsed at every start: ajv and yaml alone are
 * ~370 KB of the ~1.4 MB a `telaio run` compiled), and one that does reads one file instead of
 * resolving the package's dozens. One group shares one copy of its modules (ajv-formats and ajv
 * must). Other lazy requires (fontoxpath, @xmldom, the JSONPath libraries, a computed name) stay
 * in node_modules, loaded the same way unbundled.
 */
const SIDE_BUNDLES = {
  'telaio.lib-ajv.cjs': { from: 'core', specifiers: ['ajv', 'ajv/dist/2020.js', 'ajv-formats'] },
  'telaio.lib-yaml.cjs': { from: 'core', specifiers: ['yaml'] },
  'telaio.lib-js-yaml.cjs': { from: 'core', specifiers: ['js-yaml'] },
  'telaio.lib-qrcode.cjs': { from: 'stytch-auth', specifiers: ['qrcode'] },
};
const SIDE_BUNDLE_OF = new Map(
  Object.entries(SIDE_BUNDLES).flatMap(([file, { specifiers }]) => specifiers.map((s) => [s, file])),
);
/** The require of a side-bundled library, as the chunks' own `require` (banner) resolves it. */
const sideRequire = (specifier) =>
  `require(${JSON.stringify(`./${SIDE_BUNDLE_OF.get(specifier)}`)})[${JSON.stringify(specifier)}]`;

/**
 * For workspace files: `import.meta.url` becomes the original file's URL, relative to the bundle,
 * and `createRequire`-based requires of SIDE_BUNDLES libraries become requires of their side bundle.
 */
const originalUrls = {
  name: 'telaio-original-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, async (args) => {
      const real = args.path;
      if (!real.startsWith(packagesDir + path.sep) || real.includes(`${path.sep}node_modules${path.sep}`))
        return undefined;
      let source = await readFile(real, 'utf8');
      if (!source.includes('import.meta.url')) return { contents: source, loader: 'js' };
      source = source.replace(
        /createRequire\(import\.meta\.url\)\((['"])([^'"]+)\1\)/g,
        (match, _quote, specifier) => (SIDE_BUNDLE_OF.has(specifier) ? sideRequire(specifier) : match),
      );
      if (/const require = createRequire\(import\.meta\.url\);/.test(source)) {
        source = source
          .replace(/\brequire\(/g, '__telaioOriginalRequire(')
          .replace(/__telaioOriginalRequire\((['"])([^'"]+)\1\)/g, (match, _quote, specifier) =>
            SIDE_BUNDLE_OF.has(specifier) ? sideRequire(specifier) : match,
          )
          .replace(
            'const require = createRequire(import.meta.url);',
            'const __telaioOriginalRequire = createRequire(import.meta.url);',
          );
      }
      const relative = path.relative(path.dirname(outfile), real).split(path.sep).join('/');
      const url = `new URL(${JSON.stringify(relative)}, import.meta.url).href`;
      return { contents: source.replaceAll('import.meta.url', url), loader: 'js' };
    });
  },
};

// Chunks of an earlier build: each build names its own by content hash.
const CHUNK_PREFIX = 'telaio.chunk-';
// CommonJS libraries inside an ES module bundle require() Node's built-ins: each output file starts
// with a require of its own (kept only where something uses it, see below).
const BANNER =
  "import { createRequire as __telaioCreateRequire } from 'node:module'; const require = __telaioCreateRequire(import.meta.url);\n";
for (const name of await readdir(path.dirname(outfile)))
  if (
    (name.startsWith(CHUNK_PREFIX) && name.endsWith('.mjs')) ||
    (name.startsWith('telaio.lib-') && name.endsWith('.cjs'))
  )
    await rm(path.join(path.dirname(outfile), name));

/**
 * Inside the bundle, a static `import { ... } from '@telaio/core'` gets a root that re-exports only
 * the modules bundled code imports by name. esbuild puts a module in the chunk of every entry that
 * reaches its file through a static import, re-exports included, even when the entry uses nothing of
 * it: through core's full root, `telaio run` loaded all of lint (~110 KB), the severity table, graph
 * rendering and the response checks at every start. The names come from the compiled files of the
 * bundled packages (dist/, after `tsc -b`); a name missing from them fails the build ("No matching
 * export"), never a run. Dynamic `import('@telaio/core')` (a whole namespace) keeps the full root.
 */
const BUNDLED_PACKAGES = ['cli', 'http-adapter', 'stytch-auth', 'stytch-sandbox'];
const coreDist = path.join(packagesDir, 'core', 'dist');

/** Every name bundled code imports (or re-exports) from '@telaio/core' by a static statement. */
async function namesImportedFromCoreRoot() {
  const names = new Set();
  const visit = async (dir) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) await visit(file);
      else if (entry.name.endsWith('.js')) {
        const text = await readFile(file, 'utf8');
        for (const m of text.matchAll(/(?:import|export)\s*\{([^}]*)\}\s*from\s*['"]@telaio\/core['"]/g))
          for (const part of m[1].split(',')) {
            const name = part.trim().split(/\s+as\s+/)[0];
            if (name) names.add(name);
          }
        if (/import\s+\*\s+as\s+\w+\s+from\s*['"]@telaio\/core['"]/.test(text))
          throw new Error(`${file}: import * of @telaio/core; name what it uses, or import() it`);
      }
    }
  };
  for (const pkg of BUNDLED_PACKAGES) await visit(path.join(packagesDir, pkg, 'dist'));
  return names;
}

const coreRootByUse = {
  name: 'telaio-core-root-by-use',
  setup(b) {
    let used;
    b.onResolve({ filter: /^@telaio\/core$/ }, (args) =>
      args.kind === 'import-statement'
        ? { path: 'core-root-by-use', namespace: 'telaio-core-root' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'telaio-core-root' }, async () => {
      used ??= await namesImportedFromCoreRoot();
      const index = await readFile(path.join(coreDist, 'index.js'), 'utf8');
      const statements = [...index.matchAll(/export\s*\{([^}]*)\}\s*from\s*'([^']+)';/g)];
      const rest = index
        .replace(/export\s*\{([^}]*)\}\s*from\s*'([^']+)';/g, '')
        .replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '');
      if (rest.trim() !== '')
        throw new Error(`core's dist/index.js has more than re-exports: ${rest.trim().slice(0, 80)}`);
      const kept = statements.flatMap(([, list, from]) => {
        const names = list
          .split(',')
          .map((n) => n.trim())
          .filter((n) => n !== '' && used.has(n.split(/\s+as\s+/).pop()));
        return names.length === 0 ? [] : [`export { ${names.join(', ')} } from '${from}';`];
      });
      return { contents: kept.join('\n'), resolveDir: coreDist, loader: 'js' };
    });
  },
};

const result = await build({
  // The entry keeps its name; the code only some commands need goes into chunks beside it (in the
  // same folder, so the import.meta.url rewriting above holds for every output file), which each
  // command's lazy handler import loads: `telaio run` no longer compiles the validate-only code,
  // nor validate the HTTP client and the engine.
  entryPoints: { 'telaio.bundle': path.join(cliDir, 'dist', 'main.js') },
  outdir: path.dirname(outfile),
  outExtension: { '.js': '.mjs' },
  splitting: true,
  chunkNames: `${CHUNK_PREFIX}[hash]`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  // Prefer the ESM builds of dual packages; CommonJS ones get esbuild's lazy wrappers.
  mainFields: ['module', 'main'],
  banner: { js: BANNER.trimEnd() },
  // pino's worker-thread transports are separate files it loads by path; telaio logs through a
  // stream instead, but keep pino whole and outside the bundle so it can always find them.
  // `telaio mcp` alone needs the MCP SDK (and what it brings): @telaio/mcp stays a separate import,
  // so no other command parses it.
  // `telaio graph --format svg` alone needs Graphviz (wasm, over 1 MB): @viz-js/viz stays outside too.
  // Workflows with AsyncAPI sources alone need the message transports (mqtt.js, ws, amqplib):
  // @telaio/asyncapi-adapter stays outside, imported on a run's first message.
  // The durable commands (worker, submit, status, resolve, cancel) alone need DBOS and pg: @telaio/dbos
  // stays outside too, loaded by those commands' handlers only.
  external: [
    './telaio.lib-*',
    'pino',
    'thread-stream',
    'pino-worker',
    'pino-pretty',
    '@telaio/mcp',
    '@viz-js/viz',
    '@telaio/asyncapi-adapter',
    '@telaio/dbos',
  ],
  plugins: [coreRootByUse, originalUrls],
  legalComments: 'none',
  minifyWhitespace: process.env.TELAIO_BUNDLE_MINIFY !== '0',
  minifySyntax: process.env.TELAIO_BUNDLE_MINIFY !== '0',
  logLevel: 'warning',
  metafile: true,
});
// The banner's require is for the files that call it (esbuild's runtime chunk, whose __require the
// others import, and CommonJS libraries): in the others, most of them, it cost an import of
// node:module and a createRequire each, at every start.
for (const name of await readdir(path.dirname(outfile))) {
  if (!name.endsWith('.mjs') || !(name.startsWith(CHUNK_PREFIX) || name === path.basename(outfile))) continue;
  const file = path.join(path.dirname(outfile), name);
  const text = await readFile(file, 'utf8');
  if (text.startsWith(BANNER) && !/(?<![.\w$])require(?![\w$])/.test(text.slice(BANNER.length)))
    await writeFile(file, text.slice(BANNER.length));
}

/**
 * esbuild gives each set of lazy entries reaching a module its own chunk, so `telaio run` loaded
 * ~30 chunks, most of them small (0.2-20 KB); each file costs Node's ES module loader ~2-3M
 * instructions (resolution, an asynchronous read, linking), more than its code. Groups of chunks
 * become one chunk each (importers of any member import it instead; every module still exists
 * once): the small chunks the run handler imports statically that neither the entry nor `telaio
 * validate` loads; then the small chunks run or validate load besides the entry's (a few hundred
 * bytes each: both load them all); then the chunks the entry imports. A group is left as it is if
 * merging it would make an import cycle (a chunk outside it importing from it and imported by it)
 * or two members export one name.
 */
async function mergeChunks(metafile) {
  const dist = path.dirname(outfile);
  const entry = path.basename(outfile);
  const chunkOf = (handler) =>
    Object.entries(metafile.outputs).find(([, o]) => o.entryPoint?.endsWith(`dist/${handler}`))?.[0];
  const runChunk = chunkOf('run/handle-run.js');
  const validateChunk = chunkOf('validate/handle-validate.js');
  if (runChunk === undefined || validateChunk === undefined) return;
  const texts = new Map();
  for (const n of (await readdir(dist)).filter((n) => n.endsWith('.mjs')))
    texts.set(n, await readFile(path.join(dist, n), 'utf8'));
  const staticImports = (name) =>
    [...(texts.get(name) ?? '').matchAll(/(?:from|import)\s*"\.\/(telaio\.chunk-[A-Z0-9]+\.mjs)"/g)].map(
      (m) => m[1],
    );
  const closure = (start) => {
    const seen = new Set();
    const visit = (n) => {
      if (seen.has(n) || !texts.has(n)) return;
      seen.add(n);
      for (const i of staticImports(n)) visit(i);
    };
    visit(start);
    return seen;
  };
  const merge = async (group) => {
    if (group.size < 2) return undefined;
    for (const member of group)
      for (const out of staticImports(member))
        if (!group.has(out) && [...closure(out)].some((n) => group.has(n))) return undefined;
    // `export *` leaves out a name two members export: then the merge would lose it.
    const exported = [...group].flatMap((n) =>
      [...texts.get(n).matchAll(/export\s*\{([^}]*)\}/g)].flatMap((m) =>
        m[1].split(',').map((e) =>
          e
            .trim()
            .split(/\s+as\s+/)
            .pop(),
        ),
      ),
    );
    if (new Set(exported).size !== exported.length) return undefined;
    const built = await build({
      stdin: {
        contents: [...group].map((n) => `export * from './${n}';`).join('\n'),
        resolveDir: dist,
        sourcefile: 'telaio-merged-chunks.mjs',
      },
      bundle: true,
      write: false,
      outfile: path.join(dist, 'merged.mjs'),
      platform: 'node',
      format: 'esm',
      target: 'node20.19',
      plugins: [
        {
          name: 'telaio-only-the-group',
          setup(b) {
            b.onResolve({ filter: /.*/ }, (args) =>
              group.has(path.basename(args.path)) && args.path.startsWith('./')
                ? undefined
                : { path: args.path, external: true },
            );
          },
        },
      ],
      legalComments: 'none',
      minifyWhitespace: process.env.TELAIO_BUNDLE_MINIFY !== '0',
      minifySyntax: process.env.TELAIO_BUNDLE_MINIFY !== '0',
      logLevel: 'warning',
    });
    const code = built.outputFiles[0].text;
    const merged = `${CHUNK_PREFIX}${createHash('sha256').update(code).digest('hex').slice(0, 8).toUpperCase()}.mjs`;
    await writeFile(path.join(dist, merged), code);
    for (const n of group) {
      await rm(path.join(dist, n));
      texts.delete(n);
    }
    const pattern = new RegExp(`"\\./(${[...group].map((n) => n.replace(/\./g, '\\.')).join('|')})"`, 'g');
    for (const [n, text] of texts) {
      const redirected = text.replace(pattern, `"./${merged}"`);
      if (redirected !== text) {
        await writeFile(path.join(dist, n), redirected);
        texts.set(n, redirected);
      }
    }
    texts.set(merged, code);
    return merged;
  };
  const small = (limit) => (n) => texts.get(n).length < limit;
  let runStart = path.basename(runChunk);
  let validateStart = path.basename(validateChunk);
  const entryClosure = () => closure(entry);
  // 1. run's own small chunks.
  const kept = new Set([...entryClosure(), ...closure(validateStart)]);
  const runMerged = await merge(
    new Set([...closure(runStart)].filter((n) => !kept.has(n) && small(50_000)(n))),
  );
  if (runMerged !== undefined && !texts.has(runStart)) runStart = runMerged;
  // 1b. validate's own small chunks, likewise (those run does not load).
  const notValidates = new Set([...entryClosure(), ...closure(runStart)]);
  const validateMerged = await merge(
    new Set([...closure(validateStart)].filter((n) => !notValidates.has(n) && small(50_000)(n))),
  );
  if (validateMerged !== undefined && !texts.has(validateStart)) validateStart = validateMerged;
  // 2. the small chunks run or validate loads besides the entry's, each only if what it imports is
  // loaded by both anyway: the merged chunk is loaded by both, and a validate-only member importing a
  // large validate-only chunk (the severity table's renderer, lint's rows) would make run load that too.
  const inEntry = entryClosure();
  const runClosure = closure(runStart);
  const validateClosure = closure(validateStart);
  const candidates = new Set(
    [...runClosure, ...validateClosure].filter(
      (n) => !inEntry.has(n) && n !== runStart && n !== validateStart && small(5_000)(n),
    ),
  );
  const loadedByBoth = (n) => inEntry.has(n) || (runClosure.has(n) && validateClosure.has(n));
  for (let changed = true; changed; ) {
    changed = false;
    for (const n of candidates)
      if (!staticImports(n).every((i) => loadedByBoth(i) || candidates.has(i))) {
        candidates.delete(n);
        changed = true;
      }
  }
  await merge(candidates);
  // 3. the entry's chunks.
  await merge(new Set([...entryClosure()].filter((n) => n !== entry && small(50_000)(n))));
}
await mergeChunks(result.metafile);

/**
 * An ES module's `import { x } from 'node:fs'` makes Node build an ES module facade of the builtin:
 * a namespace object filled by reading every export of the CommonJS module (getters included, the
 * `process` object's too), once per builtin, at every start. The ~16 builtins a `telaio run` loads
 * cost it ~100M instructions that way, a fifth of what it adds to Node's own start (callgrind).
 * `process.getBuiltinModule` (Node 20.16+, the package needs 20.19) returns the module itself: each
 * such import of the bundle's files becomes a `const` of it, at the top of the file, before any of
 * its code (builtins have no load-order effects, and names and values are those the import bound).
 * Dynamic `import('node:...')`s are left alone.
 */
/**
 * Functions of builtins that code only calls, taken from their module at the call: node:crypto
 * costs ~25M instructions to load, and most runs never hash, sign or draw a random number (a
 * multipart boundary, the sandbox's tokens and the cache keys of large texts do; a run's own cache
 * key of a small description is hashed in JavaScript, see core's digest-sha256.ts).
 */
const LAZY_FUNCTIONS = {
  'node:crypto': ['createHash', 'createHmac', 'randomBytes', 'randomInt', 'randomUUID', 'timingSafeEqual'],
};
const BUILTIN_IMPORT =
  /import\s*(?:\*\s*as\s*([\w$]+)|([\w$]+)\s*,\s*\{([^}]*)\}|([\w$]+)|\{([^}]*)\})\s*from\s*"(node:[\w/]+)";/g;
for (const name of await readdir(path.dirname(outfile))) {
  if (!name.endsWith('.mjs') || !(name.startsWith(CHUNK_PREFIX) || name === path.basename(outfile))) continue;
  const file = path.join(path.dirname(outfile), name);
  const text = await readFile(file, 'utf8');
  const declarations = [];
  const rest = text.replace(
    BUILTIN_IMPORT,
    (_match, namespace, defaultAndNamed, named2, defaultOnly, named, id) => {
      // globalThis: a chunk may bind its own `process` (a library may import node:process under that name).
      const module = `globalThis.process.getBuiltinModule(${JSON.stringify(id)})`;
      const destructure = (list) => {
        const pairs = list
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean)
          .map((part) => part.split(/\s+as\s+/));
        const lazy = pairs.filter(([imported]) => LAZY_FUNCTIONS[id]?.includes(imported));
        const eager = pairs.filter((pair) => !lazy.includes(pair));
        return [
          ...lazy.map(
            ([imported, local = imported]) =>
              `const ${local}=(...args)=>globalThis.process.getBuiltinModule(${JSON.stringify(id)}).${imported}(...args);`,
          ),
          ...(eager.length === 0
            ? []
            : [`const{${eager.map((pair) => pair.join(':')).join(',')}}=${module};`]),
        ].join('');
      };
      if (namespace !== undefined) declarations.push(`const ${namespace}=${module};`);
      else if (defaultAndNamed !== undefined)
        declarations.push(`const ${defaultAndNamed}=${module};`, destructure(named2));
      else if (defaultOnly !== undefined) declarations.push(`const ${defaultOnly}=${module};`);
      else declarations.push(destructure(named));
      return '';
    },
  );
  if (/(?:^|[;}\s])(?:import|export)[^;]*from\s*"node:/.test(rest))
    throw new Error(`bundle.mjs: ${name} imports a builtin in a form the rewrite does not know`);
  if (declarations.length > 0) await writeFile(file, declarations.join('') + rest);
}

// Compile hints: the functions every run, test and validation calls are compiled once, eagerly,
// instead of pre-parsed and then parsed again (see hint-eager-functions.mjs; the list is
// eager-functions.json). TELAIO_BUNDLE_EAGER=0 leaves them lazy, to measure the difference.
if (process.env.TELAIO_BUNDLE_EAGER !== '0') {
  const listed = new Set(
    JSON.parse(await readFile(path.join(cliDir, 'scripts', 'eager-functions.json'), 'utf8')).functions,
  );
  const dist = path.dirname(outfile);
  const texts = new Map();
  for (const name of await readdir(dist))
    if (name.endsWith('.mjs') && (name.startsWith(CHUNK_PREFIX) || name === path.basename(outfile)))
      texts.set(name, await readFile(path.join(dist, name), 'utf8'));
  const inCycles = filesInImportCycles(texts);
  const found = new Set();
  for (const [name, text] of texts) {
    if (inCycles.has(name)) continue;
    const hinted = hintEagerFunctions(text, listed);
    for (const f of hinted.hinted) found.add(f);
    if (hinted.hinted.length > 0) await writeFile(path.join(dist, name), hinted.text);
  }
  if (found.size < 0.9 * listed.size)
    console.warn(
      `bundle.mjs: ${listed.size - found.size} of the ${listed.size} functions in scripts/eager-functions.json are gone (renamed, moved or in an import cycle): run node scripts/find-eager-functions.mjs`,
    );
}

// The side bundles: one CommonJS file per group, each library resolved from the workspace package
// that requires it, exported by specifier through getters (a group's libraries load one by one).
for (const [file, { from, specifiers }] of Object.entries(SIDE_BUNDLES)) {
  await build({
    stdin: {
      contents: `module.exports = {${specifiers
        .map((s) => `get ${JSON.stringify(s)}() { return require(${JSON.stringify(s)}); }`)
        .join(', ')}};`,
      resolveDir: path.join(packagesDir, from),
      sourcefile: file,
    },
    outfile: path.join(path.dirname(outfile), file),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20.19',
    legalComments: 'none',
    minifyWhitespace: process.env.TELAIO_BUNDLE_MINIFY !== '0',
    minifySyntax: process.env.TELAIO_BUNDLE_MINIFY !== '0',
    logLevel: 'warning',
  });
}
if (process.env.TELAIO_BUNDLE_META !== undefined && result.metafile !== undefined) {
  await writeFile(process.env.TELAIO_BUNDLE_META, JSON.stringify(result.metafile));
} else if (process.argv.includes('--meta')) {
  const { analyzeMetafile } = await import('esbuild');
  console.log(await analyzeMetafile(result.metafile));
}
