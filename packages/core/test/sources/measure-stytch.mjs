// Times resolveDocument over the 24 Stytch workflows against the built dist (run `pnpm exec tsc -b packages/core` first).
// Usage: node packages/core/test/sources/measure-stytch.mjs [nocache]   (run twice: the first run fills the disk cache)
const { resolveDocument } = await import('../../dist/sources/resolve-document.js');
const { readdirSync } = await import('node:fs');
const dir = new URL('../../../../../shared/stytch/arazzo/', import.meta.url).pathname;
const files = readdirSync(dir).filter((f) => f.endsWith('.yml'));
const cache = process.argv[2] !== 'nocache';
const results = await Promise.all(files.map((f) => resolveDocument(dir + f, { cache })));
const cpu = process.cpuUsage();
console.log(
  JSON.stringify({
    files: files.length,
    cache,
    diagnostics: results.reduce((n, r) => n + r.diagnostics.length, 0),
    processWallMs: Math.round(process.uptime() * 1000),
    processCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
