import { fileURLToPath } from 'node:url';
import { createEngine, type EngineOptions } from '@telaio/core';
import { createMemoryTransport, type MemoryHandler } from '@telaio/core/testing';

/** Absolute path of an engine fixture. */
export const fixture = (name: string): string =>
  fileURLToPath(new URL(`../fixtures/engine/${name}`, import.meta.url));

/** An engine over an in-memory transport, with instant sleeps that are recorded. */
export function memoryEngine(handler: MemoryHandler, more: Partial<EngineOptions> = {}) {
  const transport = createMemoryTransport(handler);
  const sleeps: number[] = [];
  const engine = createEngine({
    transport,
    cache: false,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...more,
  });
  return { engine, transport, sleeps };
}

/** Load an inline document placed (for relative source URLs) in the fixtures folder. */
export function loadInline(
  engine: ReturnType<typeof createEngine>,
  text: string,
  name = 'inline.arazzo.yaml',
) {
  return engine.load({ uri: fixture(name), text });
}

/** A YAML prelude with the pets source, for inline documents. */
export const PRELUDE = `arazzo: 1.0.1
info: { title: t, version: 1.0.0 }
sourceDescriptions:
  - { name: pets, url: ./pets.openapi.yaml, type: openapi }
`;

/** `workflows:` with one workflow `w` whose `steps:` are `steps` (indented 6, anything after them included). */
export const workflowW = (steps: string): string => `workflows:
  - workflowId: w
    steps:
${steps}`;
