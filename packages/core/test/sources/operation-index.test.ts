import { describe, expect, it } from 'vitest';
import { createOperationIndex } from '../../src/sources/create-operation-index.js';
import type { OperationInfo, ResolvedSource } from '../../src/sources/types.js';

const op = (
  sourceName: string,
  operationId: string | undefined,
  path: string,
  method = 'get',
): OperationInfo => ({
  sourceName,
  ...(operationId === undefined ? {} : { operationId }),
  method,
  path,
  pointer: `/paths/${path.replaceAll('/', '~1')}/${method}`,
  servers: [{ url: '/' }],
  parameters: [],
  responses: {},
  security: [],
  securitySchemes: {},
});

const openapi = (name: string, operations: readonly OperationInfo[]): ResolvedSource => ({
  kind: 'openapi',
  description: { name, url: `./${name}.yaml`, type: 'openapi' },
  uri: `/srv/${name}.yaml`,
  version: '3.1.0',
  operations,
});

// Arazzo 1.0.1 §4.6.4 Step Object: operationId "MUST be unique amongst all operations described in
// the API", and an unqualified one must resolve to one operation across the sources; the index keeps
// every match so lint can say `operation-ambiguous`.
describe('createOperationIndex: the lookups of each source built once, the answers per document', () => {
  const pets = [
    op('pets', 'listPets', '/pets'),
    op('pets', 'getPet', '/pets/{id}'),
    op('pets', 'listPets', '/cats'),
  ];
  const more = [op('more', 'listPets', '/more'), op('more', undefined, '/anon', 'post')];

  it('§4.6.4 operationId: every operation with an unqualified id, in source order, repeats within one source kept', () => {
    const index = createOperationIndex([openapi('pets', pets), openapi('more', more)]);
    expect(index.byOperationId('listPets').map((o) => `${o.sourceName} ${o.path}`)).toEqual([
      'pets /pets',
      'pets /cats',
      'more /more',
    ]);
    expect(index.byOperationId('getPet')).toHaveLength(1);
    expect(index.byOperationId('nothing')).toEqual([]);
  });

  it('§4.6.4 operationId: a `$sourceDescriptions.<name>.<id>` one looks in that source only (its last operation with the id)', () => {
    const index = createOperationIndex([openapi('pets', pets), openapi('more', more)]);
    expect(index.byOperationId('$sourceDescriptions.more.listPets').map((o) => o.path)).toEqual(['/more']);
    expect(index.byOperationId('$sourceDescriptions.pets.listPets').map((o) => o.path)).toEqual(['/cats']);
    expect(index.byOperationId('$sourceDescriptions.none.listPets')).toEqual([]);
  });

  it('§4.6.4 operationPath: found by pointer in the named source, also with an operation that has no id', () => {
    const index = createOperationIndex([openapi('pets', pets), openapi('more', more)]);
    expect(index.byOperationPath('{$sourceDescriptions.more.url}#/paths/~1anon/post')?.path).toBe('/anon');
    expect(index.byOperationPath('{$sourceDescriptions.pets.url}#/paths/~1anon/post')).toBeUndefined();
  });

  it('indexes sharing a source list answer for their own sources only (a second document with one source)', () => {
    const shared = openapi('pets', pets);
    const both = createOperationIndex([shared, openapi('more', more)]);
    const one = createOperationIndex([shared]);
    expect(both.byOperationId('listPets')).toHaveLength(3);
    expect(one.byOperationId('listPets').map((o) => o.path)).toEqual(['/pets', '/cats']);
    expect(one.byOperationPath('{$sourceDescriptions.more.url}#/paths/~1anon/post')).toBeUndefined();
    expect(createOperationIndex([shared, openapi('more', more)]).byOperationId('listPets')).toHaveLength(3);
  });
});
