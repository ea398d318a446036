/**
 * One timer for every next() timeout of this package's subscriptions. A setTimeout per wait costs a
 * Timeout object, a place in Node's timer list and, when it is the only wait of its duration (one
 * receive at a time), the creation and removal of that list and of the native timer: ~4 µs per
 * message at one round trip at a time, more than the rest of the queue. Here waits join a list
 * sorted by deadline (waits of the same timeout arrive in order: insertion from the tail is O(1));
 * one timer is armed for the earliest deadline and is not cleared when that wait ends early: it
 * fires, finds nothing due, and re-arms for the next deadline, or rests. While no wait is pending
 * the timer does not keep the process alive (unref), as no timer would. Deadlines are on a monotonic
 * clock (as Node's timers are): a wall-clock step (NTP) neither fires nor delays them.
 */
import { readMonotonicMs } from '@telaio/core';

/** A pending deadline; `cancelDeadline` it when its wait ended another way. */
export interface Deadline {
  readonly at: number;
  readonly fire: () => void;
  prev: Deadline | undefined;
  next: Deadline | undefined;
  linked: boolean;
}

let head: Deadline | undefined;
let tail: Deadline | undefined;
let timer: NodeJS.Timeout | undefined;
/** When the armed timer fires (Infinity: none armed). */
let armedAt = Number.POSITIVE_INFINITY;

function arm(at: number): void {
  if (timer !== undefined) clearTimeout(timer);
  armedAt = at;
  timer = setTimeout(expire, Math.max(0, at - readMonotonicMs()));
}

function expire(): void {
  timer = undefined;
  armedAt = Number.POSITIVE_INFINITY;
  const now = readMonotonicMs();
  while (head !== undefined && head.at <= now) {
    const due = head;
    unlink(due);
    due.fire();
  }
  if (head !== undefined) arm(head.at);
}

function unlink(entry: Deadline): void {
  if (entry.prev === undefined) head = entry.next;
  else entry.prev.next = entry.next;
  if (entry.next === undefined) tail = entry.prev;
  else entry.next.prev = entry.prev;
  entry.prev = undefined;
  entry.next = undefined;
  entry.linked = false;
}

/** Call `fire` once `ms` milliseconds have passed, unless cancelled first. */
export function addDeadline(ms: number, fire: () => void): Deadline {
  // As setTimeout takes it: NaN as 0, at most 2^31-1 ms.
  const wait = Number.isNaN(ms) ? 0 : Math.min(Math.max(0, ms), 2 ** 31 - 1);
  const entry: Deadline = {
    at: readMonotonicMs() + wait,
    fire,
    prev: undefined,
    next: undefined,
    linked: true,
  };
  let before = tail;
  while (before !== undefined && before.at > entry.at) before = before.prev;
  entry.prev = before;
  entry.next = before === undefined ? head : before.next;
  if (before === undefined) head = entry;
  else before.next = entry;
  if (entry.next === undefined) tail = entry;
  else entry.next.prev = entry;
  if (entry.at < armedAt) arm(entry.at);
  else timer?.ref();
  return entry;
}

/** The wait ended another way: its deadline no longer fires. */
export function cancelDeadline(entry: Deadline): void {
  if (!entry.linked) return;
  unlink(entry);
  if (head === undefined) timer?.unref();
}
