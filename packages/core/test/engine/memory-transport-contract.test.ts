import { TransportError } from '@telaio/core';
import { createMemoryTransport } from '@telaio/core/testing';
import { answerContractRequest, runTransportContract } from '@telaio/core/testing/contract';

// The in-memory transport proves the same contract as real transports: its handler answers with the
// very routes the loopback server uses, parsing bodies the way an HTTP transport would.
runTransportContract('memory', ({ baseUrl }) =>
  createMemoryTransport(async (_request, { sent, signal }) => {
    if (!sent.url.startsWith(baseUrl))
      throw new TransportError('ECONNREFUSED', `nothing listens at ${sent.url}`);
    const answer = answerContractRequest({
      request: {
        method: sent.method,
        url: sent.url.slice(baseUrl.length),
        headers: sent.headers,
        body: sent.body ?? '',
      },
    });
    if (answer.delayMs !== undefined) {
      await new Promise((resolve) => {
        const t = setTimeout(resolve, answer.delayMs);
        signal.addEventListener('abort', () => clearTimeout(t), { once: true });
      });
    }
    const type = answer.headers['content-type'] ?? '';
    const body =
      answer.body === '' ? undefined : type.includes('json') ? JSON.parse(answer.body) : answer.body;
    return { status: answer.status, headers: answer.headers, body };
  }),
);
