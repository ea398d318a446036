import { TelaioError } from '@telaio/core';
import { describe, expect, it } from 'vitest';
import { loadInline, memoryEngine, PRELUDE } from './helpers.js';

const ok = () => ({ status: 200 });

const xmlStep = (
  target: string,
  contentType = '\n          contentType: application/xml',
) => `${PRELUDE}workflows:
  - workflowId: w
    steps:
      - stepId: a
        operationId: placeOrder
        requestBody:${contentType}
          payload: '<order><qty>1</qty></order>'
          replacements:
            - { target: '${target}', value: '5' }
`;

const diagnosticsOf = (error: unknown) =>
  ((error as TelaioError).details?.diagnostics ?? []) as {
    code: string;
    message: string;
    range: { start: { line: number } };
  }[];

describe('Payload Replacement Object targets are checked at load', () => {
  it('§Payload Replacement Object a target that is not XPath on an XML payload refuses the document (expression-invalid at the target)', async () => {
    const { engine, transport } = memoryEngine(ok);
    const error = await loadInline(engine, xmlStep('/order/qty[')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TelaioError);
    expect((error as TelaioError).code).toBe('document-invalid');
    const found = diagnosticsOf(error).find((d) => d.code === 'expression-invalid');
    expect(found?.message).toContain('XPST0003');
    expect(found?.range.start.line).toBe(14); // the `- { target: ... }` line
    expect(transport.sent).toHaveLength(0);
  });

  it('§Payload Replacement Object the XML kind comes from the operation media type when the step gives none; unknown functions are refused too', async () => {
    const { engine } = memoryEngine(ok);
    const error = await loadInline(engine, xmlStep('nope(/order)', '')).catch((e: unknown) => e);
    expect(diagnosticsOf(error).find((d) => d.code === 'expression-invalid')?.message).toContain('XPST0017');
  });

  it('§Payload Replacement Object the plan refuses a bad XPath target even when lint errors are let through', async () => {
    const { engine } = memoryEngine(ok, { refuseInvalid: false });
    const error = await loadInline(engine, xmlStep('/order/qty[')).catch((e: unknown) => e);
    expect((error as TelaioError).code).toBe('document-invalid');
    expect((error as TelaioError).message).toContain('/requestBody/replacements/0/target');
  });

  it('§Payload Replacement Object a target that is not a JSON Pointer on a JSON payload is expression-invalid; a good one loads', async () => {
    const { engine } = memoryEngine(ok);
    const json = (target: string) => `${PRELUDE}workflows:
  - workflowId: w
    steps:
      - stepId: a
        operationId: login
        requestBody:
          payload: { user: a }
          replacements:
            - { target: '${target}', value: b }
`;
    const error = await loadInline(engine, json('user')).catch((e: unknown) => e);
    expect(diagnosticsOf(error).find((d) => d.code === 'expression-invalid')?.message).toContain(
      'not a JSON Pointer',
    );
    await expect(loadInline(engine, json('/user'))).resolves.toBeDefined();
    await expect(loadInline(engine, xmlStep('/order/qty'))).resolves.toBeDefined();
  });
});
