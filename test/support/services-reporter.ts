/**
 * A vitest reporter that adds one line per absent external service: its name, the variable that
 * would name it, and how many tests that need it were skipped (tests declared through
 * test/support/services.ts). Nothing is printed for services that were there.
 */
import type { Reporter, TestModule } from 'vitest/node';

type Entity = ReturnType<TestModule['children']['array']>[number];
type Service = { readonly name: string; readonly variable: string };

/** Adds the skipped tests under `entity` to `counts`, by the service they (or a parent suite) need. */
function countSkipped(
  entity: Entity,
  inherited: Service | undefined,
  counts: Map<string, [Service, number]>,
): void {
  const service = entity.meta().service ?? inherited;
  if (entity.type === 'test') {
    if (service && entity.result().state === 'skipped' && !process.env[service.variable]) {
      const entry = counts.get(service.name) ?? [service, 0];
      counts.set(service.name, [service, entry[1] + 1]);
    }
    return;
  }
  for (const child of entity.children) countSkipped(child, service, counts);
}

/** The reporter (listed in vitest.config.ts after `default`). */
export default class ServicesReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const counts = new Map<string, [Service, number]>();
    for (const module of modules) for (const child of module.children) countSkipped(child, undefined, counts);
    for (const [name, [service, n]] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
      process.stdout.write(
        `\n service ${name} not available (${service.variable} unset; .ci/run installs and starts it): ${n} ${n === 1 ? 'test' : 'tests'} that need it skipped\n`,
      );
    }
  }
}
