/**
 * The graph inside `telaio run --report html FILE` (issue 18 pt 2: "the graph of the workflow with
 * the path the run took highlighted") for the three seeds, each run once to success and once to a
 * failure against the embedded sandbox (`--sandbox`): the inline SVG is parsed as XML and its step
 * nodes and edges read back by their graph ids, so the test sees which nodes and edges are drawn as
 * taken, which node is marked failed, and that a node the run never reached is not taken
 * (Arazzo 1.0.1 §4.6.4 steps in order; §4.6.5 a step whose successCriteria fail ends the workflow).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { telaio } from './fixtures/run/fixture-server.js';
import { useTempDir } from './support/run.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const tmp = useTempDir('telaio-report-graph-');
const ORG = 'organization-test-00000000-0000-4000-8000-000000000001';
const NEW_MEMBER = 'member-test-00000000-0000-4000-8000-000000000001';
const ENROLLED = 'member-test-00000000-0000-4000-8000-000000000002';
const seed = (name: string) => path.join(repoRoot, 'specs/arazzo', name);

/** What the inline graph shows: every step node (`id class…`), and every edge with `taken` ones marked. */
interface DrawnGraph {
  readonly nodes: Record<string, string[]>;
  readonly taken: string[];
  readonly failed: string[];
  readonly edges: string[];
  readonly takenEdges: string[];
}

/** Parses the report's `<svg class="graph">` as XML and reads its nodes and edges by graph id. */
function readGraph(html: string): DrawnGraph {
  const start = html.indexOf('<svg class="graph"');
  const svg = html.slice(start, html.indexOf('</svg>', start) + '</svg>'.length);
  const document = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const nodes: Record<string, string[]> = {};
  const edges: string[] = [];
  const takenEdges: string[] = [];
  for (const name of ['g', 'a'])
    for (const element of [...document.getElementsByTagName(name)]) {
      const classes = (element.getAttribute('class') ?? '').split(' ');
      const node = element.getAttribute('data-node');
      if (classes.includes('node') && node !== null) nodes[node] = classes.filter((c) => c !== 'node');
      if (classes.includes('edge')) {
        const edge = `${element.getAttribute('data-from')} -> ${element.getAttribute('data-to')}`;
        edges.push(edge);
        if (classes.includes('taken')) takenEdges.push(edge);
      }
    }
  const having = (cls: string) =>
    Object.entries(nodes)
      .filter(([, classes]) => classes.includes(cls))
      .map(([id]) => id)
      .sort();
  return {
    nodes,
    taken: having('taken'),
    failed: having('failed'),
    edges: edges.sort(),
    takenEdges: takenEdges.sort(),
  };
}

/** Runs a seed on the embedded sandbox with `--report html`; returns the exit code and the graph drawn. */
async function run(
  name: string,
  file: string,
  args: string[],
): Promise<{ code: number | null; graph: DrawnGraph }> {
  const report = tmp(`${name}.html`);
  const r = await telaio(['run', seed(file), '--sandbox', ...args, '--report', 'html', report]);
  const html = await readFile(report, 'utf8');
  // Laid out by Graphviz (each workflow framed), not the simple fallback.
  expect(html).toContain('<rect class="frame"');
  return { code: r.code, graph: readGraph(html) };
}

const chain = (steps: number) => [
  '0.start -> 0.0',
  ...Array.from({ length: steps }, (_, i) => `0.${i} -> ${i + 1 < steps ? `0.${i + 1}` : '0.done'}`),
];

const CASES = [
  {
    name: 'B2B TOTP enrollment',
    file: 'stytch-b2b-totp-enrollment-workflow.yml',
    steps: 2,
    pass: [
      '--input',
      `organization_id=${ORG}`,
      '--input',
      `member_id=${NEW_MEMBER}`,
      '--input-from',
      'code=totp:$steps.createTotp.outputs.secret',
    ],
    // a wrong code: authenticateTotp (0.1) fails
    fail: [
      '--input',
      `organization_id=${ORG}`,
      '--input',
      `member_id=${NEW_MEMBER}`,
      '--input',
      'code=000000',
    ],
    failedAt: 1,
  },
  {
    name: 'consumer TOTP enrollment',
    file: 'stytch-totp-enrollment-workflow.yml',
    steps: 3,
    pass: [
      '--input',
      'email=ada@example.com',
      '--input-from',
      'totp_code=totp:$steps.createTotp.outputs.secret',
    ],
    fail: ['--input', 'email=ada@example.com', '--input', 'totp_code=000000'],
    failedAt: 2,
  },
  {
    name: 'B2B recovery-code rotation',
    file: 'stytch-b2b-recovery-codes-rotate-workflow.yml',
    steps: 2,
    pass: ['--input', `organization_id=${ORG}`, '--input', `member_id=${ENROLLED}`],
    // a member that does not exist: getRecoveryCodes (0.0) fails
    fail: [
      '--input',
      `organization_id=${ORG}`,
      '--input',
      'member_id=member-test-00000000-0000-4000-8000-00000000dead',
    ],
    failedAt: 0,
  },
] as const;

describe('the HTML report’s graph of the three seeds, with the path taken (§4.6.4, §4.6.5)', () => {
  for (const c of CASES) {
    it(`${c.name}: a passing run takes every step and the edge to done`, async () => {
      const { code, graph } = await run(`${c.file}-pass`, c.file, [...c.pass]);
      expect(code).toBe(0);
      const steps = Array.from({ length: c.steps }, (_, i) => `0.${i}`);
      expect(Object.keys(graph.nodes).sort()).toEqual(['0.done', '0.start', ...steps, 'workflow:0'].sort());
      expect(graph.edges).toEqual(chain(c.steps).sort());
      expect(graph.taken).toEqual(steps);
      expect(graph.failed).toEqual([]);
      expect(graph.takenEdges).toEqual(chain(c.steps).sort());
    });

    it(`${c.name}: a failing run is taken up to the failed step, marked; nothing after it`, async () => {
      const { code, graph } = await run(`${c.file}-fail`, c.file, [...c.fail]);
      expect(code).toBe(1);
      const reached = Array.from({ length: c.failedAt + 1 }, (_, i) => `0.${i}`);
      expect(graph.taken).toEqual(reached);
      expect(graph.failed).toEqual([`0.${c.failedAt}`]);
      expect(graph.takenEdges).toEqual(
        chain(c.steps)
          .slice(0, c.failedAt + 1)
          .sort(),
      );
      expect(graph.takenEdges).not.toContain(`0.${c.steps - 1} -> 0.done`);
    });
  }
});
