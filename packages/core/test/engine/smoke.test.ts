import { describe, expect, it } from 'vitest';
import { fixture, memoryEngine } from './helpers.js';

describe('engine smoke', () => {
  it('§Workflow Object runs three steps in order and evaluates outputs', async () => {
    const { engine, transport } = memoryEngine((req) => {
      const id = req.operation.operationId;
      if (id === 'login') return { status: 200, headers: { 'X-Expires': 'soon' }, body: { token: 'tok' } };
      if (id === 'listPets') return { status: 200, body: [{ id: 'p1' }, { id: 'p2' }] };
      return { status: 200, body: { name: 'Rex', status: 'AVAILABLE' } };
    });
    const doc = await engine.load(fixture('pets.arazzo.yaml'));
    const result = await engine.run({ document: doc, inputs: { username: 'ann' } });
    expect(result.error).toBeUndefined();
    expect(result.status).toBe('success');
    expect(result.outputs).toEqual({ token: 'tok', petName: 'Rex' });
    expect(result.steps.map((s) => s.stepId)).toEqual(['login', 'list', 'get']);
    expect(transport.sent[0]?.body).toBe(JSON.stringify({ user: 'ann', pass: 'secret' }));
    expect(transport.sent[1]?.headers.authorization).toBe('Bearer tok');
    expect(transport.sent[2]?.url).toBe('https://pets.example.test/v1/pets/p1');
  });
});
