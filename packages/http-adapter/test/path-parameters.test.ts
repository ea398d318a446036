import { TransportError } from '@telaio/core';
import { createHttpTransport } from '@telaio/http-adapter';
import { afterAll, describe, expect, it } from 'vitest';
import { makeContext, makeRequest } from './helpers.js';

// No nock: a URL that would be sent goes to a closed local port, so only a refusal before sending
// can give ERR_PATH_PARAMETER.
const transport = createHttpTransport();
afterAll(() => transport.close());

const operation = { path: '/pets/{petId}/toys/{toyId}', servers: [{ url: 'http://127.0.0.1:9' }] };

describe('path parameters', () => {
  it('a path template parameter with no value is never sent as a literal {name}: ERR_PATH_PARAMETER', async () => {
    const request = makeRequest({
      operation,
      parameters: [
        { name: 'petId', in: 'path', value: 'p1' },
        { name: 'toyId', in: 'path', value: undefined },
      ],
    });
    const error = await transport.send(request, makeContext()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).code).toBe('ERR_PATH_PARAMETER');
    expect((error as TransportError).message).toContain('"toyId"');
  });

  it('a path template parameter not given at all is refused the same way', async () => {
    const request = makeRequest({ operation, parameters: [{ name: 'toyId', in: 'path', value: 't' }] });
    const error = await transport.send(request, makeContext()).catch((e: unknown) => e);
    expect((error as TransportError).code).toBe('ERR_PATH_PARAMETER');
    expect((error as TransportError).message).toContain('"petId"');
  });
});
