#!/usr/bin/env node
// The fast YAML reader (packages/core/src/yaml, parseYamlFast) next to js-yaml on the same texts:
// MB/s cold (each parse in a fresh process, as `telaio validate` parses a source once) and warm
// (repeated in one process), alternating the two so load from other processes falls on both.
// Default texts: the two Stytch OpenAPI files of ../shared (2.5 MB, 41k lines); or FILE... given.
// Usage: pnpm build && node bench/yaml-parse.js [rounds] [FILE...]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fastModule = path.join(repoRoot, 'packages/core/dist/yaml/parse-yaml-fast.js');
const requireFromCore = createRequire(path.join(repoRoot, 'packages/core/package.json'));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Parse every file once with `which` and return [cpu ms, wall ms] of the parses alone. */
async function parseOnce(which, files) {
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  let parse;
  if (which === 'js-yaml') {
    const { load } = requireFromCore('js-yaml');
    parse = (text) => load(text, { json: true });
  } else {
    const { parseYamlFast } = await import(pathToFileURL(fastModule).href);
    parse = (text) => {
      const result = parseYamlFast(text, { schema: 'default', json: true });
      if (!result.ok) throw new Error(`the fast reader gave up: ${result.reason}`);
      return result.value;
    };
  }
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  for (const text of texts) parse(text);
  const cpu = process.cpuUsage(cpu0);
  return [(cpu.user + cpu.system) / 1000, performance.now() - wall0, parse, texts];
}

if (process.argv[2] === '--child') {
  const [cpu, wall] = await parseOnce(process.argv[3], process.argv.slice(4));
  console.log(JSON.stringify({ cpu, wall }));
  process.exit(0);
}

if (!existsSync(fastModule)) {
  console.error('bench/yaml-parse.js: build first (pnpm build)');
  process.exit(2);
}
const rounds = Number(process.argv[2] ?? 9);
let files = process.argv.slice(3);
if (files.length === 0) {
  const shared = process.env.TELAIO_SHARED_DIR ?? path.resolve(repoRoot, '../shared');
  const dir = path.join(shared, 'stytch/openapi');
  if (!existsSync(dir)) {
    console.log(`bench/yaml-parse.js: skipped, ${dir} is absent (give FILE... to parse others)`);
    process.exit(0);
  }
  files = ['stytch-b2b-openapi.yml', 'stytch-consumer-openapi.yml'].map((f) => path.join(dir, f));
}
const megabytes = files.reduce((sum, f) => sum + statSync(f).size, 0) / 1e6;
const load = [loadavg()[0]];

const cold = { 'js-yaml': [], fast: [] };
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? ['js-yaml', 'fast'] : ['fast', 'js-yaml'];
  for (const which of order) {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', which, ...files], {
      encoding: 'utf8',
    });
    if (r.status !== 0) {
      console.error(r.stderr);
      process.exit(1);
    }
    cold[which].push(JSON.parse(r.stdout));
  }
}
load.push(loadavg()[0]);

const warm = { 'js-yaml': [], fast: [] };
const parsers = {};
for (const which of ['js-yaml', 'fast']) {
  const [, , parse, texts] = await parseOnce(which, files);
  parsers[which] = () => {
    for (const text of texts) parse(text);
  };
}
for (let round = 0; round < rounds + 3; round++) {
  for (const which of round % 2 === 0 ? ['js-yaml', 'fast'] : ['fast', 'js-yaml']) {
    const t0 = performance.now();
    parsers[which]();
    if (round >= 3) warm[which].push(performance.now() - t0);
  }
}

console.log(
  `YAML parse of ${files.length} file(s), ${megabytes.toFixed(2)} MB, ${rounds} alternating rounds`,
);
console.log(`load average ${load.map((l) => l.toFixed(2)).join(' -> ')} on ${availableParallelism()} cores`);
const row = (name, ms) =>
  `${name.padEnd(28)} ${ms.toFixed(1).padStart(7)} ms  ${(megabytes / (ms / 1000)).toFixed(1).padStart(6)} MB/s`;
for (const which of ['js-yaml', 'fast']) {
  console.log(row(`${which} cold (cpu)`, median(cold[which].map((c) => c.cpu))));
  console.log(row(`${which} cold (wall)`, median(cold[which].map((c) => c.wall))));
  console.log(row(`${which} warm (wall)`, median(warm[which])));
}
const ratio = (a, b) => (median(a) / median(b)).toFixed(2);
console.log(
  `fast / js-yaml: cold cpu ${ratio(
    cold.fast.map((c) => c.cpu),
    cold['js-yaml'].map((c) => c.cpu),
  )}x, ` +
    `cold wall ${ratio(
      cold.fast.map((c) => c.wall),
      cold['js-yaml'].map((c) => c.wall),
    )}x, ` +
    `warm ${ratio(warm.fast, warm['js-yaml'])}x`,
);
