/**
 * `telaio graph` (issue 18 pt 1 and pt 3 "the graph tests check nodes and edges of the three seeds
 * and of a workflow with goto, retry and a nested workflow") read back from each of its formats:
 * Mermaid and DOT parsed line by line, SVG parsed as XML (Graphviz's `<g class="node|edge|cluster">`
 * with their `<title>` and `<text>`), so every node with its lines and every edge with its label and
 * failure marking is compared, in all three, with what Arazzo 1.0.1 §4.6.4-4.6.7 and 1.1.0 (step
 * `dependsOn`, `action: send|receive` message steps) say the document holds.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const bin = path.join(repoRoot, 'packages/cli/bin/telaio.js');

/** A graph read back from a format: node id → its lines; edges as `from -> to` with `!` for failure paths and the label. */
interface ReadGraph {
  readonly nodes: Record<string, string>;
  readonly edges: string[];
  /** Subgraphs or clusters: their titles. */
  readonly groups: string[];
}

function graph(file: string, format: string): string {
  const r = spawnSync(process.execPath, [bin, 'graph', file, '--format', format], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

/** `s1_0` → `1.0`, `s1_start` → `1.start`, `w0` → `0.start` (a workflow is entered at its start), `x0` → `external:0`. */
function fromMermaidId(id: string): string {
  if (/^w\d+$/.test(id)) return `${id.slice(1)}.start`;
  if (/^x\d+$/.test(id)) return `external:${id.slice(1)}`;
  return id.slice(1).replace('_', '.');
}

const unMermaid = (label: string): string =>
  label
    .replace(/#35;/g, '#')
    .replace(/#quot;/g, '"')
    .replace(/#lt;/g, '<')
    .replace(/#gt;/g, '>');

function readMermaid(text: string): ReadGraph {
  const nodes: Record<string, string> = {};
  const edges: string[] = [];
  const groups: string[] = [];
  expect(text.split('\n')[0]).toBe('flowchart TD');
  for (const line of text.split('\n').slice(1)) {
    const group = /^ {2}subgraph \w+\["(.*)"\]$/.exec(line);
    const node = /^ {4}(\w+)(?:\["(.*)"\]|\(\["(.*)"\]\))$/.exec(line);
    const edge = /^ {2}(\w+) (-->|-\.->|==>)(?:\|"(.*)"\|)? (\w+)$/.exec(line);
    if (group !== null) groups.push(unMermaid(group[1]!));
    else if (node !== null)
      nodes[fromMermaidId(node[1]!)] = unMermaid(node[2] ?? node[3]!).replace(/<br\/>/g, ' | ');
    else if (edge !== null) {
      const label = unMermaid(edge[3] ?? '');
      const failure = label.startsWith('✗ ');
      edges.push(
        `${fromMermaidId(edge[1]!)} -> ${fromMermaidId(edge[4]!)}${failure ? ' !' : ''}${label === '' ? '' : ` ${failure ? label.slice(2) : label}`}`,
      );
    }
  }
  return { nodes, edges, groups };
}

const unDot = (text: string): string =>
  text.replace(/\\n/g, ' | ').replace(/\\"/g, '"').replace(/\\\\/g, '\\');

function readDot(text: string): ReadGraph {
  const nodes: Record<string, string> = {};
  const edges: string[] = [];
  const groups: string[] = [];
  for (const line of text.split('\n')) {
    const group = /^ {4}label="((?:[^"\\]|\\.)*)";$/.exec(line);
    const node = /^ +"([^"]+)" \[label="((?:[^"\\]|\\.)*)"/.exec(line);
    const edge = /^ {2}"([^"]+)" -> "([^"]+)"(?: \[(.*)\])?;$/.exec(line);
    if (group !== null) groups.push(unDot(group[1]!));
    else if (edge !== null) {
      const attributes = edge[3] ?? '';
      const label = /label="((?:[^"\\]|\\.)*)"/.exec(attributes)?.[1];
      const failure = attributes.includes('color=red');
      edges.push(
        `${edge[1]} -> ${edge[2]}${failure ? ' !' : ''}${label === undefined ? '' : ` ${unDot(label)}`}`,
      );
    } else if (node !== null) nodes[node[1]!] = unDot(node[2]!);
  }
  return { nodes, edges, groups };
}

/** Graphviz's SVG: `<g class="node"><title>ID</title><text>line</text>...`, edges titled `FROM->TO`, red strokes for failure paths. */
function readSvg(text: string): ReadGraph {
  const document = new DOMParser().parseFromString(text, 'image/svg+xml');
  const root = document.documentElement;
  expect(root?.nodeName).toBe('svg');
  const nodes: Record<string, string> = {};
  const edges: string[] = [];
  const groups: string[] = [];
  const childText = (g: Element, name: string) =>
    [...g.getElementsByTagName(name)].map((t) => (t.textContent ?? '').trim());
  for (const g of [...(root?.getElementsByTagName('g') ?? [])]) {
    const kind = g.getAttribute('class');
    const title = childText(g, 'title')[0] ?? '';
    if (kind === 'cluster') groups.push(childText(g, 'text').join(' | '));
    if (kind === 'node') nodes[title] = childText(g, 'text').join(' | ');
    if (kind === 'edge') {
      const [from, to] = title.split('->');
      const failure = [...g.getElementsByTagName('path')].some((p) => p.getAttribute('stroke') === 'red');
      const label = childText(g, 'text').join(' ');
      edges.push(`${from} -> ${to}${failure ? ' !' : ''}${label === '' ? '' : ` ${label}`}`);
    }
  }
  return { nodes, edges, groups };
}

const FORMATS = { mermaid: readMermaid, dot: readDot, svg: readSvg } as const;

/** The nodes and edges every format must show for `file`. */
interface Expected {
  readonly file: string;
  readonly groups: string[];
  readonly nodes: Record<string, string>;
  readonly edges: string[];
}

const ORG_MEMBER = '/v1/b2b/recovery_codes/{organization_id}/{member_id}';

const SEEDS: Record<string, Expected> = {
  'B2B TOTP enrollment': {
    file: 'specs/arazzo/stytch-b2b-totp-enrollment-workflow.yml',
    groups: ['totp-enrollment | Create a member TOTP registration and authenticate the first code.'],
    nodes: {
      '0.start': 'start',
      '0.0': 'createTotp | api_b2b_totp_v1_Create | POST /v1/b2b/totp | source: stytchB2bApi',
      '0.1':
        'authenticateTotp | api_b2b_totp_v1_Authenticate | POST /v1/b2b/totp/authenticate | source: stytchB2bApi',
      '0.done': 'done',
    },
    edges: ['0.start -> 0.0', '0.0 -> 0.1', '0.1 -> 0.done'],
  },
  'consumer TOTP enrollment': {
    file: 'specs/arazzo/stytch-totp-enrollment-workflow.yml',
    groups: ['totp-enrollment | Create a user, generate a TOTP secret, and authenticate the first code.'],
    nodes: {
      '0.start': 'start',
      '0.0': 'createUser | api_user_v1_Create | POST /v1/users | source: stytchConsumerApi',
      '0.1': 'createTotp | api_totp_v1_Create | POST /v1/totps | source: stytchConsumerApi',
      '0.2':
        'authenticateTotp | api_totp_v1_Authenticate | POST /v1/totps/authenticate | source: stytchConsumerApi',
      '0.done': 'done',
    },
    edges: ['0.start -> 0.0', '0.0 -> 0.1', '0.1 -> 0.2', '0.2 -> 0.done'],
  },
  'B2B recovery-code rotation': {
    file: 'specs/arazzo/stytch-b2b-recovery-codes-rotate-workflow.yml',
    groups: ["recovery-codes-rotate | Fetch a member's recovery codes, then rotate to a new set."],
    nodes: {
      '0.start': 'start',
      '0.0': `getRecoveryCodes | api_b2b_recovery_codes_v1_Get | GET ${ORG_MEMBER} | source: stytchB2bApi`,
      '0.1':
        'rotateRecoveryCodes | api_b2b_recovery_codes_v1_Rotate | POST /v1/b2b/recovery_codes/rotate | source: stytchB2bApi',
      '0.done': 'done',
    },
    edges: ['0.start -> 0.0', '0.0 -> 0.1', '0.1 -> 0.done'],
  },
};

/** shop.arazzo.yml: a workflow `order` that dependsOn `login`, calls it as a step, retries, goes to and ends. */
const SHOP: Expected = {
  file: 'packages/core/test/fixtures/graph/shop.arazzo.yml',
  groups: ['login | Log in.', 'order | Place an order and read it back.'],
  nodes: {
    '0.start': 'start',
    '0.0': 'logIn | login | POST /login | source: shop',
    '0.done': 'done',
    '1.start': 'start',
    '1.0': 'session | workflow login',
    '1.1': 'place | placeOrder | POST /orders | source: shop',
    '1.2':
      'read | {$sourceDescriptions.shop.url}#/paths/~1orders~1{id}/get | GET /orders/{id} | source: shop',
    '1.3': 'done | getOrder | GET /orders/{id} | source: shop',
    '1.done': 'done',
    '1.failed': 'failed',
  },
  edges: [
    '0.start -> 0.0',
    '0.0 -> 0.done',
    '1.start -> 1.0',
    '1.0 -> 0.start calls',
    '1.0 -> 1.1',
    "1.1 -> 1.3 skipRead: goto when $response.header.X-Cached == 'yes'",
    '1.1 -> 1.2',
    '1.1 -> 1.1 ! busy: retry ≤3 after 2s when $statusCode == 503',
    '1.1 -> 1.failed ! giveUp: end',
    '1.2 -> 1.3',
    '1.2 -> 0.start ! relogin: goto',
    '1.3 -> 1.done finish: end',
    '0.start -> 1.start dependsOn',
  ],
};

/** pet-purchase.arazzo.yaml (the 1.1.0 specification's example): send and receive message steps, a step dependsOn. */
const MESSAGES: Expected = {
  file: 'packages/core/test/fixtures/v11/pet-purchase.arazzo.yaml',
  groups: ['loginUserAndRetrievePet | Login User and then retrieve pets'],
  nodes: {
    '0.start': 'start',
    '0.0':
      'loginStep | $sourceDescriptions.petStoreDescription.loginUser | GET /user/login | source: petStoreDescription',
    '0.1':
      'getPetStep | {$sourceDescriptions.petStoreDescription.url}#/paths/~1pet~1findByStatus/get | GET /pet/findByStatus | source: petStoreDescription',
    '0.2':
      'purchasePetStep | $sourceDescriptions.asyncOrderApiDescription.placeOrder | send message | source: asyncOrderApiDescription',
    '0.3':
      'confirmPetPurchaseStep | $sourceDescriptions.asyncOrderApiDescription.confirmOrder | receive message | source: asyncOrderApiDescription',
    '0.done': 'done',
  },
  edges: [
    '0.start -> 0.0',
    '0.0 -> 0.1',
    '0.1 -> 0.done noPetsAvailable: end when $response.body#/0 == null',
    '0.1 -> 0.2',
    '0.2 -> 0.3',
    '0.3 -> 0.done',
    '0.2 -> 0.3 dependsOn',
  ],
};

/**
 * Checks one document in one format: the same nodes, the same edges (in document order for the text
 * formats; Graphviz orders the SVG's own way) and the same workflow groups (Mermaid joins a title and
 * summary with `: `).
 */
function check(expected: Expected, format: keyof typeof FORMATS): void {
  const read = FORMATS[format](graph(expected.file, format));
  expect(read.nodes).toEqual(expected.nodes);
  if (format === 'svg') expect([...read.edges].sort()).toEqual([...expected.edges].sort());
  else expect(read.edges).toEqual(expected.edges);
  const groups = format === 'mermaid' ? expected.groups.map((g) => g.replace(' | ', ': ')) : expected.groups;
  expect(read.groups).toEqual(groups);
}

describe('telaio graph: the three seeds, node by node and edge by edge (§4.6.4 steps in order, §4.6.5 operationId and source)', () => {
  for (const [name, expected] of Object.entries(SEEDS))
    for (const format of Object.keys(FORMATS) as (keyof typeof FORMATS)[])
      it(`${name} as ${format}`, () => {
        check(expected, format);
      });
});

describe('telaio graph: goto, retry, end, a nested workflow and dependsOn (§4.6.4-4.6.7)', () => {
  for (const format of Object.keys(FORMATS) as (keyof typeof FORMATS)[])
    it(`every node and edge as ${format}`, () => {
      check(SHOP, format);
    });

  it('each kind drawn apart: calls bold, retry dashed, dependsOn dotted (DOT and SVG), failure paths dashed (Mermaid)', () => {
    const dot = graph(SHOP.file, 'dot');
    expect(dot).toContain('"1.0" -> "0.start" [lhead="cluster_0", label="calls", style=bold];');
    expect(dot).toMatch(/"1\.1" -> "1\.1" \[.*style=dashed\]/);
    expect(dot).toContain(
      '"0.start" -> "1.start" [ltail="cluster_0", lhead="cluster_1", label="dependsOn", style=dotted];',
    );
    const svg = new DOMParser().parseFromString(graph(SHOP.file, 'svg'), 'image/svg+xml');
    const edge = (title: string) =>
      [...svg.getElementsByTagName('g')].find(
        (g) =>
          g.getAttribute('class') === 'edge' && g.getElementsByTagName('title')[0]?.textContent === title,
      );
    expect(edge('1.0->0.start')?.getElementsByTagName('path')[0]?.getAttribute('stroke-width')).toBe('2');
    expect(edge('1.1->1.1')?.getElementsByTagName('path')[0]?.getAttribute('stroke-dasharray')).toBe('5,2');
    expect(edge('0.start->1.start')?.getElementsByTagName('path')[0]?.getAttribute('stroke-dasharray')).toBe(
      '1,5',
    );
    const mermaid = graph(SHOP.file, 'mermaid');
    expect(mermaid).toContain('s1_0 ==>|"calls"| w0');
    expect(mermaid).toContain('s1_2 -.->|"✗ relogin: goto"| w0');
  });
});

describe('telaio graph: Arazzo 1.1.0 message steps (action send/receive) and step dependsOn', () => {
  for (const format of Object.keys(FORMATS) as (keyof typeof FORMATS)[])
    it(`drawn as ${format}`, () => {
      check(MESSAGES, format);
    });
});
