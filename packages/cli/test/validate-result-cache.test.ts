import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';

// The warm path of `telaio validate` (issue 19 pt 2): bin/telaio.js replays a cached result of the
// same command line when every file that run read still has its fingerprint (size, mtime, ctime,
// inode). These tests prove which path ran by planting a marker in the stored result: only a replay
// can print it.
const repoRoot = path.resolve(import.meta.dirname, '../../..');
const bin = path.join(repoRoot, 'packages/cli/bin/telaio.js');
const past = new Date(Date.now() - 60_000);

function telaio(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [bin, 'validate', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Writes a file dated a minute ago (files changed in the last two seconds are never trusted). */
function writeOld(file: string, text: string): void {
  writeFileSync(file, text);
  utimesSync(file, past, past);
}

const api = `openapi: 3.0.3
info: { title: api, version: '1' }
paths:
  /items:
    get:
      operationId: listItems
      responses: { '200': { description: ok } }
`;
const flow = (operationId: string) => `arazzo: 1.0.1
info: { title: flow, version: '1' }
sourceDescriptions: [{ name: api, url: ./api.yml, type: openapi }]
workflows:
  - workflowId: list
    steps:
      - stepId: list
        operationId: ${operationId}
        successCriteria: [{ condition: $statusCode == 200 }]
`;

let dir: string;
let cacheDir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'telaio-result-cache-'));
  cacheDir = path.join(dir, 'cache');
  writeOld(path.join(dir, 'api.yml'), api);
  writeOld(path.join(dir, 'flow.arazzo.yml'), flow('listItems'));
});

/** The one stored result, with its stdout replaced by `marker`. */
function plant(marker: string): void {
  const results = path.join(cacheDir, 'validate-results');
  const files = readdirSync(results);
  expect(files).toHaveLength(1);
  const file = path.join(results, files[0]!);
  const entry = JSON.parse(readFileSync(file, 'utf8'));
  expect(Object.keys(entry.files).sort()).toEqual([
    path.join(dir, 'api.yml'),
    path.join(dir, 'flow.arazzo.yml'),
  ]);
  writeFileSync(file, JSON.stringify({ ...entry, stdout: marker }));
}

describe('telaio validate: cached results replayed by file fingerprints (issue 19 pt 2)', () => {
  it('replays the same command line while no file it read changed', () => {
    const first = telaio(['--cache-dir', cacheDir, 'flow.arazzo.yml'], dir);
    expect(first.code).toBe(0);
    plant('replayed\n');
    expect(telaio(['--cache-dir', cacheDir, 'flow.arazzo.yml'], dir).stdout).toBe('replayed\n');
    // Another command line is another result.
    const json = telaio(['--cache-dir', cacheDir, '--format', 'json', 'flow.arazzo.yml'], dir).stdout;
    expect(JSON.parse(json).diagnostics).toEqual([]);
    // --no-cache never replays.
    expect(telaio(['--no-cache', 'flow.arazzo.yml'], dir).stdout).not.toContain('replayed');
  });

  it('validates again when a source the document names changed, even to the same size and time', () => {
    telaio(['--cache-dir', cacheDir, 'flow.arazzo.yml'], dir);
    plant('replayed\n');
    writeOld(path.join(dir, 'api.yml'), api.replace('listItems', 'listThing'));
    const r = telaio(['--cache-dir', cacheDir, 'flow.arazzo.yml'], dir);
    expect(r.stdout).not.toContain('replayed');
    expect(r.stdout).toContain("operation-unknown  operationId 'listItems'");
    expect(r.code).toBe(1);
  });

  it('validates again when the document itself changed; stores nothing for a file changed just now', () => {
    telaio(['--cache-dir', cacheDir, 'flow.arazzo.yml'], dir);
    plant('replayed\n');
    writeFileSync(path.join(dir, 'flow.arazzo.yml'), flow('listThings'));
    const r = telaio(['--cache-dir', cacheDir, 'flow.arazzo.yml'], dir);
    expect(r.stdout).toContain("operation-unknown  operationId 'listThings'");
    // The document is seconds old: its result was not stored (the planted one is still the only one).
    expect(readdirSync(path.join(cacheDir, 'validate-results'))).toHaveLength(1);
    expect(telaio(['--cache-dir', cacheDir, 'flow.arazzo.yml'], dir).stdout).toContain('operation-unknown');
  });

  it('replays the exit code and stderr, and a missing source that appears is noticed', () => {
    writeOld(path.join(dir, 'flow.arazzo.yml'), flow('listItems').replace('./api.yml', './later.yml'));
    const first = telaio(['--cache-dir', cacheDir, '--strict', 'flow.arazzo.yml'], dir);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('source-unresolved');
    const again = telaio(['--cache-dir', cacheDir, '--strict', 'flow.arazzo.yml'], dir);
    expect(again).toEqual(first);
    writeOld(path.join(dir, 'later.yml'), api);
    const now = telaio(['--cache-dir', cacheDir, '--strict', 'flow.arazzo.yml'], dir);
    expect(now.stdout).not.toContain('source-unresolved');
    expect(now.code).toBe(0);
  });
});
