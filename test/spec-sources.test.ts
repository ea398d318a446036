/**
 * The project's own OpenAPI descriptions (specs/openapi) and Stytch's full ones
 * (../shared/stytch/openapi) must both serve as the sources of the three seed workflows: every
 * operationId resolves, once, to the same method and path in both.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OperationInfo, ResolvedDocument } from '@telaio/core';
import { lintDocument, resolveDocument } from '@telaio/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { schemaHasPointer } from './support/schema-has-pointer.js';
import { corpusAvailable, corpusPath, describeCorpus, itCorpus } from './support/shared-corpus.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sharedArazzo = corpusPath('stytch', 'arazzo');
const ownArazzo = path.join(repoRoot, 'specs/arazzo');

const SEEDS = [
  'stytch-b2b-totp-enrollment-workflow.yml',
  'stytch-totp-enrollment-workflow.yml',
  'stytch-b2b-recovery-codes-rotate-workflow.yml',
] as const;

/** Each seed resolved over specs/openapi (`own`) and, when the reference corpus is there, over Stytch's files (`full`). */
const resolved = new Map<string, { own: ResolvedDocument; full?: ResolvedDocument }>();

beforeAll(async () => {
  for (const seed of SEEDS) {
    const [own, full] = await Promise.all([
      resolveDocument(path.join(ownArazzo, seed), { cache: false }),
      corpusAvailable ? resolveDocument(path.join(sharedArazzo, seed), { cache: false }) : undefined,
    ]);
    resolved.set(seed, { own, ...(full ? { full } : {}) });
  }
}, 60_000);

/** The seed's two resolutions, both present (corpus tests only). */
function both(seed: string): { own: ResolvedDocument; full: ResolvedDocument } {
  const { own, full } = resolved.get(seed)!;
  return { own, full: full! };
}

function only(ops: readonly OperationInfo[], id: string): OperationInfo {
  expect(
    ops.map((op) => `${op.method} ${op.path}`),
    `operationId ${id}`,
  ).toHaveLength(1);
  return ops[0]!;
}

describeCorpus('the seeds over specs/openapi and over the full Stytch files', () => {
  describe.each(SEEDS)('%s', (seed) => {
    it('resolves its source from specs/openapi and from the full Stytch description', () => {
      const { own, full } = both(seed);
      for (const doc of [own, full]) {
        expect(doc.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(doc.sources.map((s) => s.kind)).toEqual(['openapi']);
      }
      expect(own.sources[0]!.uri).toContain(`${path.sep}specs${path.sep}openapi${path.sep}`);
      expect(full.sources[0]!.uri).toContain(
        `${path.sep}shared${path.sep}stytch${path.sep}openapi${path.sep}`,
      );
    });

    it('finds every step operationId at the same method and path in both', () => {
      const { own, full } = both(seed);
      const ids = own.file!.document.workflows.flatMap((w) =>
        w.steps.map((s) => s.operationId).filter((id) => id !== undefined),
      );
      expect(ids.length).toBeGreaterThanOrEqual(2);
      for (const id of ids) {
        const mine = only(own.index.byOperationId(id), id);
        const theirs = only(full.index.byOperationId(id), id);
        expect(`${mine.method} ${mine.path}`).toBe(`${theirs.method} ${theirs.path}`);
        expect(mine.securitySchemes.basicAuth).toEqual(
          expect.objectContaining({ type: 'http', scheme: 'basic' }),
        );
      }
    });
  });
});

describe('specs/openapi', () => {
  it.each(SEEDS)('declares in its 200 response schemas every $response.body pointer %s reads', (seed) => {
    const { own } = resolved.get(seed)!;
    const root: unknown = parse(readFileSync(own.sources[0]!.uri, 'utf8'));
    let checked = 0;
    for (const step of own.file!.document.workflows.flatMap((w) => w.steps)) {
      const op = only(own.index.byOperationId(step.operationId!), step.operationId!);
      const ok = op.responses['200'] as { content: Record<string, { schema?: unknown }> };
      expect(
        op.responses['401'] ?? op.responses['4XX'] ?? op.responses.default,
        `${step.stepId} error response`,
      ).toBeDefined();
      for (const expression of Object.values(step.outputs ?? {})) {
        const match = /^\$response\.body#\/(.*)$/.exec(String(expression));
        if (match === null) continue;
        const tokens = match[1]!.split('/').map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));
        expect(
          schemaHasPointer({ schema: ok.content['application/json']!.schema, tokens, root }),
          `${step.stepId}: ${expression}`,
        ).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(2);
  });

  itCorpus('describes only operations that Stytch has, at Stytch method and path', () => {
    for (const { own, full } of [...resolved.keys()].map(both)) {
      const source = own.sources[0]!;
      if (source.kind !== 'openapi') throw new Error('expected an OpenAPI source');
      expect(source.operations.length).toBeGreaterThanOrEqual(6);
      for (const op of source.operations) {
        const theirs = only(full.index.byOperationId(op.operationId!), op.operationId!);
        expect(`${op.method} ${op.path}`).toBe(`${theirs.method} ${theirs.path}`);
        expect(op.servers.map((s) => s.url)).toEqual(['https://test.stytch.com', 'https://api.stytch.com']);
        expect(op.security).toEqual([{ basicAuth: [] }]);
      }
    }
  });
});

describe('lint over the project specs', () => {
  it.each(SEEDS)('finds nothing in specs/arazzo/%s, so outputs are checked against specs/openapi', (seed) => {
    const { own } = resolved.get(seed)!;
    expect(lintDocument(own).map((d) => `${d.code}: ${d.message}`)).toEqual([]);
  });

  it.each(['stytch-b2b-checks.arazzo.yml', 'stytch-consumer-checks.arazzo.yml'])(
    'finds nothing in test/fixtures/%s',
    async (name) => {
      const doc = await resolveDocument(path.join(repoRoot, 'test/fixtures', name), { cache: false });
      expect(lintDocument(doc).map((d) => `${d.code}: ${d.message}`)).toEqual([]);
    },
  );
});
