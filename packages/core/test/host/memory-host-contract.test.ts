import { createMemoryHost, createMemoryHostStore } from '@telaio/core/testing';
import { runHostContract } from '@telaio/core/testing/contract';

// The in-memory host proves the host contract the way a durable host must: each execute is a new
// host over the same store (a new process over the same database), so a cut run resumes from what
// was journaled as JSON text, and nothing else.
runHostContract('memory', () => {
  const store = createMemoryHostStore();
  return {
    execute: ({ run }) => run(createMemoryHost({ store })),
    send: (runId, name, value) => store.mailbox.send(runId, name, value),
  };
});
