import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { type FixtureServer, fixture, SECRETS, startFixtureServer } from '../fixtures/run/fixture-server.js';

/** The fixture Arazzo document most `telaio run` tests run. */
export const FILE = fixture('fixture.arazzo.yml');

/**
 * Starts a server before the file's tests and closes it after them. The returned object stands in
 * for the server: read it only inside tests and hooks (before beforeAll ran it throws).
 */
export function useServer<T extends { close(): Promise<void> }>(start: () => Promise<T>): T {
  let started: T | undefined;
  beforeAll(async () => {
    started = await start();
  });
  afterAll(() => started?.close());
  return new Proxy({} as T, {
    get(_, key) {
      if (started === undefined) throw new Error('the server is started in beforeAll; read it inside a test');
      const value = Reflect.get(started, key);
      return typeof value === 'function' ? value.bind(started) : value;
    },
  });
}

/** The fixture API of fixture-openapi.yml for this file's tests; `flag` points its source at it. */
export interface RunFixtureServer extends FixtureServer {
  /** `--server stytchFixture=URL`. */
  readonly flag: readonly string[];
}

/** The fixture API, started before this file's tests and closed after them. */
export function useFixtureServer(): RunFixtureServer {
  return useServer(async () => {
    const server = await startFixtureServer();
    return Object.assign(server, { flag: ['--server', `stytchFixture=${server.url}`] as const });
  });
}

/** A temporary directory made before this file's tests; call it with path parts to get a path inside. */
export function useTempDir(prefix: string): (...parts: string[]) => string {
  let dir: string | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  return (...parts) => {
    if (dir === undefined) throw new Error('the directory is made in beforeAll; use it inside a test');
    return join(dir, ...parts);
  };
}

/** A fresh temporary directory holding `files` (name to text, or to lines joined by newlines). */
export async function writeProject(
  prefix: string,
  files: Record<string, string | readonly string[]>,
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  for (const [name, text] of Object.entries(files))
    await writeFile(join(dir, name), typeof text === 'string' ? text : text.join('\n'));
  return dir;
}

/** `run FILE -w WORKFLOW ...rest`. */
export const runWorkflow = (workflow: string, ...rest: readonly string[]): string[] => [
  'run',
  FILE,
  '-w',
  workflow,
  ...rest,
];

/** `--input NAME=VALUE` for each entry, in order. */
export const inputs = (values: Record<string, string | number>): string[] =>
  Object.entries(values).flatMap(([name, value]) => ['--input', `${name}=${value}`]);

/** The inputs of login-and-fetch: username ada, the fixture password, and `itemId`. */
export const loginInputs = (itemId: string | number): string[] =>
  inputs({ username: 'ada', password: SECRETS.password, itemId });
