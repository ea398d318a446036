#!/usr/bin/env node
// `telaio validate --no-cache` on generated large documents, to show time and memory grow linearly
// with size up to the 50 MB cap on one source (issue 19 pt 4; ajv's pairwise `uniqueItems` once made
// a 5 MB document take 12-18 s):
//   arazzo   one Arazzo document of many 10-step workflows against a small OpenAPI file
//   openapi  a small Arazzo document against one OpenAPI source of many operations
// For each size: wall median, CPU, peak RSS (GNU time, else the child's own resourceUsage), and
// per MB; the last line compares the largest size's per-MB figures with the smallest's.
// Usage: pnpm build && node bench/validate-large.js [reps] [maxMB]   (default 3 reps, 50 MB)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(repoRoot, 'packages/cli/bin/telaio.js');
const reps = Number(process.argv[2] ?? 3);
const maxMb = Number(process.argv[3] ?? 50);
const sizesMb = [1, 5, 12.5, 25, 49].filter((mb) => mb <= maxMb);
const dir = mkdtempSync(path.join(tmpdir(), 'telaio-large-'));
const GNU_TIME = existsSync('/usr/bin/time') && !process.env.BENCH_NO_GNU_TIME ? '/usr/bin/time' : undefined;
const probe = `data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('\\n@@ '+u.maxRSS+' '+(u.userCPUTime+u.systemCPUTime)/1e6+'\\n')})`;

const smallApi = `openapi: 3.0.3
info: { title: api, version: 1.0.0 }
paths:
  /items/{id}:
    get:
      operationId: getItem
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses:
        '200':
          description: ok
          content: { application/json: { schema: { type: object, properties: { id: { type: string } } } } }
`;
writeFileSync(path.join(dir, 'api.yaml'), smallApi);
writeFileSync(
  path.join(dir, 'small.arazzo.yaml'),
  `arazzo: 1.0.1
info: { title: small, version: 1.0.0 }
sourceDescriptions: [{ name: api, url: ./big-api.yaml, type: openapi }]
workflows:
  - workflowId: w
    inputs: { type: object, properties: { id: { type: string } } }
    steps:
      - stepId: s0
        operationId: getItem0
        parameters: [{ name: id, in: path, value: $inputs.id }]
        successCriteria: [{ condition: $statusCode == 200 }]
        outputs: { id: $response.body#/id }
`,
);

/** An Arazzo document of about `mb` MB: workflows of 10 steps each. */
function arazzoText(mb) {
  const lines = [
    'arazzo: 1.0.1',
    'info: { title: large, version: 1.0.0 }',
    'sourceDescriptions: [{ name: api, url: ./api.yaml, type: openapi }]',
    'workflows:',
  ];
  const workflows = Math.round((mb * 1024 * 1024) / 2270);
  for (let w = 0; w < workflows; w++) {
    lines.push(
      `  - workflowId: w${w}`,
      '    inputs: { type: object, properties: { id: { type: string } } }',
      '    steps:',
    );
    for (let s = 0; s < 10; s++)
      lines.push(
        `      - stepId: s${s}`,
        '        operationId: getItem',
        '        parameters: [{ name: id, in: path, value: $inputs.id }]',
        '        successCriteria: [{ condition: $statusCode == 200 }]',
        '        outputs: { id: $response.body#/id }',
      );
  }
  return `${lines.join('\n')}\n`;
}

/** An OpenAPI document of about `mb` MB: operations with a parameter and a response schema. */
function openapiText(mb) {
  const lines = ['openapi: 3.0.3', 'info: { title: big, version: 1.0.0 }', 'paths:'];
  const operations = Math.round((mb * 1024 * 1024) / 402);
  for (let i = 0; i < operations; i++)
    lines.push(
      `  /items${i}/{id}:`,
      '    get:',
      `      operationId: getItem${i}`,
      '      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]',
      '      responses:',
      "        '200':",
      '          description: ok',
      '          content:',
      '            application/json:',
      '              schema: { type: object, properties: { id: { type: string }, name: { type: string }, tags: { type: array, items: { type: string } } } }',
    );
  return `${lines.join('\n')}\n`;
}

function runOnce(file) {
  const [command, argv] =
    GNU_TIME === undefined
      ? [process.execPath, [`--import=${probe}`, bin, 'validate', '--no-cache', file]]
      : [GNU_TIME, ['-f', '@@ %M %U %S', process.execPath, bin, 'validate', '--no-cache', file]];
  const started = process.hrtime.bigint();
  const r = spawnSync(command, argv, { encoding: 'utf8', maxBuffer: 64 << 20 });
  const s = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0)
    throw new Error(`validate exited ${r.status}: ${r.stdout.slice(0, 2000)}${r.stderr.slice(-2000)}`);
  const m = /@@ (\d+) ([\d.]+)(?: ([\d.]+))?\s*$/.exec(r.stderr);
  return { s, rssMb: Number(m?.[1]) / 1024, cpu: Number(m?.[2]) + Number(m?.[3] ?? 0) };
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
console.log(
  `node ${process.version}; ${reps} runs per size; load average (1 min) ${loadavg()[0].toFixed(2)}`,
);
try {
  for (const [kind, make, target] of [
    ['arazzo', arazzoText, (f) => f],
    ['openapi', openapiText, () => path.join(dir, 'small.arazzo.yaml')],
  ]) {
    const rows = [];
    for (const mb of sizesMb) {
      const file = path.join(dir, kind === 'arazzo' ? `large-${mb}.arazzo.yaml` : 'big-api.yaml');
      writeFileSync(file, make(mb));
      const size = statSync(file).size / 1024 / 1024;
      const runs = Array.from({ length: reps }, () => runOnce(target(file)));
      const row = {
        size,
        s: median(runs.map((r) => r.s)),
        cpu: median(runs.map((r) => r.cpu)),
        rss: Math.max(...runs.map((r) => r.rssMb)),
      };
      rows.push(row);
      console.log(
        `${kind.padEnd(8)} ${size.toFixed(1).padStart(5)} MB  wall median ${row.s.toFixed(2)} s  cpu ${row.cpu.toFixed(2)} s (${((1000 * row.cpu) / size).toFixed(0)} ms/MB)  peak RSS ${row.rss.toFixed(0)} MB (${(row.rss / size).toFixed(1)} MB/MB)`,
      );
      rmSync(file, { force: true });
    }
    const [first, last] = [rows[0], rows.at(-1)];
    const cpuGrowth = last.cpu / last.size / (first.cpu / first.size);
    const rssGrowth = (last.rss - rows[0].rss) / (last.size - first.size);
    console.log(
      `${kind.padEnd(8)} ${last.size.toFixed(0)} MB vs ${first.size.toFixed(0)} MB: cpu per MB ${cpuGrowth.toFixed(2)}x (1x = linear; start-up inflates the small one's), memory ${rssGrowth.toFixed(1)} MB per added MB`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
