import { TelaioError } from '@telaio/core';
import { describe, expect, it } from 'vitest';

describe('TelaioError', () => {
  it('carries a stable code and its cause', () => {
    const cause = new Error('inner');
    const error = new TelaioError('source-unresolved', 'cannot load x', { cause });
    expect(error.code).toBe('source-unresolved');
    expect(error.cause).toBe(cause);
    expect(error).toBeInstanceOf(Error);
  });
});
