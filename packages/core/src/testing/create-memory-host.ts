/**
 * An in-memory durable host: every effect, sleep and wait of a run is journaled as JSON text in a
 * store that outlives the host, so a run cut anywhere (a thrown error standing for a crash) is resumed
 * by `engine.run({runId})` on a new host over the same store, as a durable engine resumes a workflow
 * in a new process. It keeps what a durable host keeps, and nothing survives the Node process. For
 * tests and for embedders who want to see what a journal holds; `@telaio/dbos` is the real one.
 */
import { randomUUID } from 'node:crypto';
import { abortableSleep } from '../engine/run/abortable-sleep.js';
import type { RunResult } from '../engine/types.js';
import { createMailbox, type Mailbox } from '../host/create-mailbox.js';
import type { Host, RunHost, WaitOutcome } from '../host/host-types.js';
import type { JournalValue } from '../host/journal-value.js';

/** What the memory host persists: each run's journal (entry id → JSON text), results, the mailbox. */
export interface MemoryHostStore {
  /** Run id → its journal, entries in the order they were made. */
  readonly journals: Map<string, Map<string, string>>;
  /** Run id → the result of a run that ended, as JSON text. */
  readonly results: Map<string, string>;
  /** Values sent to runs and not yet taken. */
  readonly mailbox: Mailbox;
}

/** The memory host, with its store and the way to send a run its external value. */
export interface MemoryHost extends Host {
  readonly store: MemoryHostStore;
  /** Give run `runId` the value it waits (or will wait) for under `name`. */
  send(runId: string, name: string, value: JournalValue): void;
  /** A run's journal as stored (entry id → parsed value), empty for an unknown run. */
  journal(runId: string): ReadonlyMap<string, JournalValue>;
  /** The result of a run that ended, if it did. */
  result(runId: string): RunResult | undefined;
}

/** Create an empty store for memory hosts. */
export function createMemoryHostStore(): MemoryHostStore {
  return { journals: new Map(), results: new Map(), mailbox: createMailbox() };
}

/** Create a memory host, over `store` to resume the runs of an earlier one (default: a new store). */
export function createMemoryHost(options?: { readonly store?: MemoryHostStore }): MemoryHost {
  const store = options?.store ?? createMemoryHostStore();
  return {
    store,
    send: (runId, name, value) => store.mailbox.send(runId, name, value),
    journal: (runId) =>
      new Map(
        [...(store.journals.get(runId) ?? new Map<string, string>())].map(([id, text]) => [
          id,
          JSON.parse(text) as JournalValue,
        ]),
      ),
    result(runId) {
      const text = store.results.get(runId);
      return text === undefined ? undefined : (JSON.parse(text) as RunResult);
    },
    begin(run): RunHost {
      const runId = run.runId ?? randomUUID();
      const journal = store.journals.get(runId) ?? new Map<string, string>();
      store.journals.set(runId, journal);
      const recorded = (id: string): JournalValue | undefined => {
        const text = journal.get(id);
        return text === undefined ? undefined : (JSON.parse(text) as JournalValue);
      };
      // Stored as text and handed back parsed, so a first run sees exactly what a replay will.
      const record = (id: string, value: JournalValue): JournalValue => {
        const text = JSON.stringify(value);
        journal.set(id, text);
        return JSON.parse(text) as JournalValue;
      };
      return {
        runId,
        now: () => performance.now(),
        async effect<T extends JournalValue>(
          request: { readonly id: string },
          perform: (signal: AbortSignal) => Promise<T>,
        ): Promise<T> {
          const done = recorded(request.id);
          if (done !== undefined) return done as T;
          return record(request.id, await perform(run.signal)) as T;
        },
        async sleep(request, signal) {
          // The wake-up time is journaled first: a run resumed later sleeps only what is left.
          let wakeAt = (recorded(request.id) as { readonly wakeAt?: number } | undefined)?.wakeAt;
          if (wakeAt === undefined) {
            wakeAt = Date.now() + request.ms;
            record(request.id, { wakeAt });
          }
          await abortableSleep(Math.max(0, wakeAt - Date.now()), signal);
        },
        async waitFor(request, signal): Promise<WaitOutcome> {
          const done = recorded(request.id);
          if (done !== undefined) return done as WaitOutcome;
          const outcome = await store.mailbox.take({
            runId,
            name: request.name,
            signal,
            ...(request.timeoutMs === undefined ? {} : { timeoutMs: request.timeoutMs }),
          });
          return record(request.id, outcome as JournalValue) as WaitOutcome;
        },
        end(result) {
          store.results.set(runId, JSON.stringify(result));
        },
      };
    },
  };
}
