/**
 * `telaio graph` end to end (contract: exit 0 drawn, 1 the document has errors and is still drawn,
 * 2 bad usage), Arazzo 1.0.1 §4.6.4-4.6.7 drawn as Mermaid or DOT.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const bin = path.join(repoRoot, 'packages/cli/bin/telaio.js');
const shop = 'packages/core/test/fixtures/graph/shop.arazzo.yml';
const seed = 'specs/arazzo/stytch-b2b-totp-enrollment-workflow.yml';

function telaio(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('telaio graph', () => {
  it('exit 0: a seed as Mermaid (default), its steps with operation and source', () => {
    const r = telaio(['graph', seed]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^flowchart TD\n/);
    expect(r.stdout).toContain(
      's0_0["createTotp<br/>api_b2b_totp_v1_Create<br/>POST /v1/b2b/totp<br/>source: stytchB2bApi"]',
    );
    expect(r.stdout).toContain('s0_0 --> s0_1');
    expect(r.stderr).toBe('');
  });

  it('exit 0: --format dot --workflow --output writes the file', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'telaio-graph-')), 'g.dot');
    const r = telaio(['graph', shop, '--format', 'dot', '--workflow', 'login', '--output', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const dot = readFileSync(out, 'utf8');
    expect(dot).toContain('"0.0" [label="logIn\\nlogin\\nPOST /login\\nsource: shop"];');
    expect(dot).not.toContain('cluster_1');
  });

  it('exit 1: a document with errors is reported and still drawn', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'telaio-graph-'));
    const file = path.join(dir, 'broken.arazzo.yml');
    writeFileSync(
      file,
      readFileSync(path.join(repoRoot, shop), 'utf8')
        .replace(
          './shop-openapi.yml',
          path.join(repoRoot, 'packages/core/test/fixtures/graph/shop-openapi.yml'),
        )
        .replace('stepId: done\n            criteria', 'stepId: nowhere\n            criteria'),
    );
    const r = telaio(['graph', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\.arazzo\.yml:\d+:\d+: error .*nowhere/);
    expect(r.stdout).toContain('s1_1 -.->|"✗ busy: retry ≤3 after 2s when $statusCode == 503"| s1_1');
  });

  it('exit 2: no FILE, a missing FILE, an unknown workflow, an unknown format', () => {
    expect(telaio(['graph']).code).toBe(2);
    expect(telaio(['graph', 'nope.yml']).code).toBe(2);
    const unknown = telaio(['graph', shop, '--workflow', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("no workflow 'nope'");
    expect(telaio(['graph', shop, '--format', 'png']).code).toBe(2);
  });
});

describe('telaio graph --format svg', () => {
  it('exit 0: an SVG laid out by Graphviz with every step, edge label and cluster', () => {
    const r = telaio(['graph', shop, '--format', 'svg']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/<svg[\s>]/);
    expect(r.stdout.trimEnd().endsWith('</svg>')).toBe(true);
    for (const text of ['logIn', 'place', 'read', 'busy: retry ≤3 after 2s', 'relogin: goto', 'dependsOn'])
      expect(r.stdout).toContain(text);
    expect(r.stdout.match(/class="cluster"/g)).toHaveLength(2);
  });
});
