import type { ExpressionContext } from '@telaio/core';

/** A hand-built context covering every expression source. */
export const context: ExpressionContext = {
  url: 'https://api.example.com/pets/7?x=1',
  method: 'POST',
  statusCode: 201,
  request: {
    headers: { accept: 'application/json' },
    query: { page: '2' },
    path: { id: '7' },
    body: { user: { uuid: 'u-1' } },
  },
  response: {
    headers: { server: 'nginx', 'x-count': '3' },
    body: {
      status: 'ok',
      'a/b': 1,
      '~c': 2,
      '~1': 3,
      list: [10, 20, { id: 'x' }],
      nested: { n: null, f: false, z: 0 },
    },
  },
  inputs: { username: 'ana', pet_id: 7, coupon: null, user: { email: 'a@x' }, 'with.dot': 'dotted' },
  outputs: { bar: { name: 'b' } },
  steps: { someStepId: { outputs: { pets: [{ id: 1 }], 'x.y': 'xy' } } },
  workflows: { foo: { inputs: { username: 'wf-ana' }, outputs: { mappedResponse: { name: 'mr' } } } },
  sourceDescriptions: {
    petstore: {
      url: 'https://petstore.example/openapi.yaml',
      type: 'openapi',
      getPet: { operationId: 'getPet' },
    },
  },
  components: { parameters: { foo: { name: 'foo', in: 'query', value: 1 } } },
};
