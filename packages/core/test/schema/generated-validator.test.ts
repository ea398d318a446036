import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { arazzoSchema } from '../../src/schema/arazzo-schema.js';
import { createAjv } from '../../src/schema/create-ajv.js';
import { generateValidatorSource } from '../../src/schema/generate-validator-source.js';

const target = new URL('../../generated/arazzo-validator.cjs', import.meta.url);

describe('the precompiled Arazzo validator', () => {
  it('is up to date with arazzo-schema.ts (TELAIO_UPDATE_GENERATED=1 rewrites it)', () => {
    const fresh = generateValidatorSource();
    if (process.env.TELAIO_UPDATE_GENERATED === '1') writeFileSync(target, fresh);
    expect(readFileSync(target, 'utf8') === fresh, 'run with TELAIO_UPDATE_GENERATED=1 to regenerate').toBe(
      true,
    );
  });

  it('never compiles code at run time (no eval, no Function) and requires only ajv’s equal', () => {
    const text = readFileSync(target, 'utf8');
    expect(text).not.toMatch(/\beval\(|new Function/);
    expect([...text.matchAll(/require\(([^)]*)\)/g)].map((m) => m[1])).toEqual(
      expect.arrayContaining(['"ajv/dist/runtime/equal"']),
    );
    expect(new Set([...text.matchAll(/require\(([^)]*)\)/g)].map((m) => m[1]))).toEqual(
      new Set(['"ajv/dist/runtime/equal"']),
    );
  });

  it('our schema is itself a valid draft 2020-12 schema', () => {
    const ajv = createAjv();
    expect(ajv.validateSchema(arazzoSchema)).toBe(true);
  });
});
