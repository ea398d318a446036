import { matchesCorrelation, readCorrelationValue } from '@telaio/core';
import { describe, expect, it } from 'vitest';

const message = {
  headers: { RequestId: 'r-1', count: 7 },
  payload: { meta: { id: 'p-9', n: 3 } },
  correlationId: 'native-5',
};

describe('AsyncAPI Correlation ID location in a received message', () => {
  it('reads $message.header#/name exactly, then case-insensitively', () => {
    expect(readCorrelationValue(message, '$message.header#/RequestId')).toBe('r-1');
    expect(readCorrelationValue(message, '$message.header#/requestid')).toBe('r-1');
  });

  it('reads $message.payload#/pointer, and a JSON text payload as JSON', () => {
    expect(readCorrelationValue(message, '$message.payload#/meta/id')).toBe('p-9');
    expect(readCorrelationValue({ ...message, payload: '{"id":"t"}' }, '$message.payload#/id')).toBe('t');
    expect(readCorrelationValue(message, '$message.payload#/meta/none')).toBeUndefined();
  });

  it("falls back to the protocol's own correlation field for a header the headers lack", () => {
    expect(readCorrelationValue(message, '$message.header#/correlationId')).toBe('native-5');
    expect(readCorrelationValue(message, '$response.body#/x')).toBeUndefined();
  });

  it('matches by text; no filter matches everything; objects and absent values never match', () => {
    expect(matchesCorrelation(message, undefined)).toBe(true);
    expect(matchesCorrelation(message, { location: '$message.header#/count', value: '7' })).toBe(true);
    expect(matchesCorrelation(message, { location: '$message.header#/RequestId', value: 'r-2' })).toBe(false);
    expect(
      matchesCorrelation(message, { location: '$message.payload#/meta', value: '[object Object]' }),
    ).toBe(false);
    expect(
      matchesCorrelation({ headers: {}, payload: null }, { location: '$message.header#/x', value: 'x' }),
    ).toBe(false);
  });
});
