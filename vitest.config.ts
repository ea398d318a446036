import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

// Tests import packages by name, exactly as users do; the alias points those names at the sources
// so a test never runs against a stale build. A subpath's alias comes before the shorter names it
// starts with (vite replaces the first alias that matches as a prefix). CLI tests spawn the built
// binary (`pnpm test` builds first).
export default defineConfig({
  resolve: {
    alias: {
      '@telaio/core/testing/contract': fileURLToPath(
        new URL('./packages/core/src/testing/contract/index.ts', import.meta.url),
      ),
      '@telaio/core/testing': fileURLToPath(new URL('./packages/core/src/testing/index.ts', import.meta.url)),
      '@telaio/core': src('core'),
      '@telaio/http-adapter': src('http-adapter'),
      '@telaio/stytch-auth': src('stytch-auth'),
      '@telaio/stytch-sandbox': src('stytch-sandbox'),
      '@telaio/mcp': src('mcp'),
      '@telaio/cli': src('cli'),
      '@telaio/asyncapi-adapter': src('asyncapi-adapter'),
      '@telaio/dbos': src('dbos'),
    },
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts', 'examples/**/*.test.ts'],
    // A Node warning during a test file fails it (test/support/no-node-warnings.ts).
    setupFiles: ['./test/support/no-node-warnings.ts'],
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // The corpus reporter adds one line when ../shared is absent: the folder and the skipped count;
    // the services reporter one line per absent service (broker, PostgreSQL, Chromium) and its skips.
    reporters: ['default', './test/support/corpus-reporter.ts', './test/support/services-reporter.ts'],
  },
});
