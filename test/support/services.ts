/**
 * The one way tests use a service that npm cannot provide (a broker, PostgreSQL, Chromium).
 * `.ci/run` installs and starts each one from `.ci/services/NAME.sh` and exports its variable
 * (e.g. `TELAIO_MOSQUITTO_URL`); where the variable is unset (the README's test command on a
 * machine with only Node) the tests declared here are skipped, never failed, and the services
 * reporter prints one line per absent service with how many tests were skipped for it.
 */
import { describe, it } from 'vitest';
import { getCurrentSuite } from 'vitest/suite';

declare module 'vitest' {
  interface TaskMeta {
    /** Set on suites and tests that need an external service: the service's name and variable. */
    service?: { readonly name: string; readonly variable: string };
  }
}

/** The service's value (URL, path) from its variable, or undefined when the service is absent. */
export function serviceValue(variable: string): string | undefined {
  const value = process.env[variable];
  return value === undefined || value === '' ? undefined : value;
}

/** Marks the task just declared in the current suite as needing `name` (read from `variable`). */
function markLastDeclared(name: string, variable: string): void {
  const last = getCurrentSuite().tasks.at(-1);
  if (!last) return;
  const task = last.type === 'collector' ? last.suite : last;
  if (task) task.meta.service = { name, variable };
}

/**
 * `describe` for a suite that needs service `name`: the factory receives the variable's value
 * (an empty string while the suite is skipped: do not connect at declaration time).
 */
export function describeService(
  name: string,
  variable: string,
  title: string,
  factory: (value: string) => void,
): void {
  const value = serviceValue(variable);
  describe.skipIf(value === undefined)(`${title} [${name}]`, () => factory(value ?? ''));
  markLastDeclared(name, variable);
}

/** `it` for one test that needs service `name`; `fn` receives the variable's value. */
export function itService(
  name: string,
  variable: string,
  title: string,
  fn: (value: string) => unknown,
  timeout?: number,
): void {
  const value = serviceValue(variable);
  it.skipIf(value === undefined)(`${title} [${name}]`, () => fn(value ?? ''), timeout);
  markLastDeclared(name, variable);
}
