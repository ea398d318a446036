#!/usr/bin/env node
// `telaio validate --no-cache` on generated large Arazzo documents (many workflows of 10 steps each,
// against a small OpenAPI file), to show validation grows linearly with the document: ajv's pairwise
// `uniqueItems` once made a 5 MB document take 12-18 s. Usage: node bench/validate-large.js [reps]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(repoRoot, 'packages/cli/bin/telaio.js');
const reps = Number(process.argv[2] ?? 3);
const dir = mkdtempSync(path.join(tmpdir(), 'telaio-large-'));

writeFileSync(
  path.join(dir, 'api.yaml'),
  `openapi: 3.0.3
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
`,
);

function document(workflows) {
  const lines = [
    'arazzo: 1.0.1',
    'info: { title: large, version: 1.0.0 }',
    'sourceDescriptions: [{ name: api, url: ./api.yaml, type: openapi }]',
    'workflows:',
  ];
  for (let w = 0; w < workflows; w++) {
    lines.push(
      `  - workflowId: w${w}`,
      '    inputs: { type: object, properties: { id: { type: string } } }',
      '    steps:',
    );
    for (let s = 0; s < 10; s++) {
      lines.push(
        `      - stepId: s${s}`,
        '        operationId: getItem',
        '        parameters: [{ name: id, in: path, value: $inputs.id }]',
        '        successCriteria: [{ condition: $statusCode == 200 }]',
        '        outputs: { id: $response.body#/id }',
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

try {
  for (const workflows of [200, 800, 1600]) {
    const file = path.join(dir, `large-${workflows}.arazzo.yaml`);
    writeFileSync(file, document(workflows));
    const mb = (statSync(file).size / 1024 / 1024).toFixed(1);
    const times = [];
    for (let i = 0; i < reps; i++) {
      const started = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [bin, 'validate', '--no-cache', file], { encoding: 'utf8' });
      times.push(Number(process.hrtime.bigint() - started) / 1e9);
      if (r.status !== 0) throw new Error(`validate exited ${r.status}: ${r.stdout}${r.stderr}`);
    }
    times.sort((a, b) => a - b);
    console.log(
      `${mb.padStart(5)} MB (${workflows} workflows)  median ${times[Math.floor(times.length / 2)].toFixed(2)} s  min ${times[0].toFixed(2)} s`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
