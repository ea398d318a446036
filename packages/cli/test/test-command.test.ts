/**
 * `telaio test` (issue 15, CONTRACT.md `telaio test`) on the example documents of
 * fixtures/test-command against loopback APIs: exit codes, response checks with their code,
 * pointer and lines, severities, parallel workflows, and the report formats read by real consumers.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { telaio } from './fixtures/run/fixture-server.js';
import { EXAMPLES, startExampleApis } from './fixtures/test-command/servers.js';
import { useServer, useTempDir } from './support/run.js';

interface Finding {
  check: string;
  respectName: string;
  severity: string;
  instancePointer?: string;
  keyword?: string;
  location?: { uri: string; pointer: string; line: number };
}
interface Report {
  files: {
    file: string;
    workflows: {
      workflowId: string;
      status: string;
      startedAt?: string;
      endedAt?: string;
      warnings: number;
      steps: { stepId: string; workflowId: string; line: number; checks: Finding[] }[];
    }[];
  }[];
  summary: { workflows: { passed: number; failed: number; skipped: number }; warnings: number };
}

const drifting = useServer(() => startExampleApis({ drift: true }));
const healthy = useServer(() => startExampleApis());
const slow = useServer(() => startExampleApis({ delayMs: 400 }));
const tmp = useTempDir('telaio-test-cmd-');

const lineOf = (file: string, needle: string, after: string): number => {
  const text = readFileSync(join(EXAMPLES, file), 'utf8');
  return text.slice(0, text.indexOf(needle, text.indexOf(after))).split('\n').length;
};
const findings = (report: Report) =>
  report.files.flatMap((f) =>
    f.workflows.flatMap((w) =>
      w.steps.flatMap((s) =>
        s.checks.map((c) => ({ workflow: w.workflowId, step: s.stepId, stepLine: s.line, ...c })),
      ),
    ),
  );
const testArgs = (flags: readonly string[], ...rest: string[]) => [
  'test',
  EXAMPLES,
  ...flags,
  '--input',
  'petId=1',
  ...rest,
];

describe('telaio test: response checks on the example documents', () => {
  it('reports the wrong type, the undocumented status and the wrong content type with code, pointer and line; exit 1', async () => {
    const run = await telaio(testArgs(drifting.flags, '--format', 'json'));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.summary.workflows).toEqual({ passed: 2, failed: 3, skipped: 0 });
    const found = findings(report).map((f) => ({
      workflow: f.workflow,
      check: f.check,
      respectName: f.respectName,
      severity: f.severity,
      pointer: f.instancePointer,
      keyword: f.keyword,
      file: f.location?.uri.slice(EXAMPLES.length),
      line: f.location?.line,
    }));
    expect(found).toEqual([
      {
        workflow: 'buyPet',
        check: 'status-code',
        respectName: 'STATUS_CODE_CHECK',
        severity: 'error',
        pointer: undefined,
        keyword: undefined,
        file: 'orders.openapi.yaml',
        line: lineOf('orders.openapi.yaml', 'responses:', 'placeOrder'),
      },
      {
        workflow: 'listPets',
        check: 'schema',
        respectName: 'SCHEMA_CHECK',
        severity: 'error',
        pointer: '/0/tag',
        keyword: 'type',
        file: 'pets.openapi.yaml',
        line: lineOf('pets.openapi.yaml', 'type: string', 'tag:'),
      },
      {
        workflow: 'inventory',
        check: 'content-type',
        respectName: 'CONTENT_TYPE_CHECK',
        severity: 'error',
        pointer: undefined,
        keyword: undefined,
        file: 'store.openapi.yaml',
        line: lineOf('store.openapi.yaml', 'content:', 'getInventory'),
      },
    ]);
    // Each finding also names the Arazzo step it happened in.
    expect(findings(report).find((f) => f.step === 'list')?.stepLine).toBe(
      lineOf('pets.arazzo.yaml', 'stepId: list', 'listPets'),
    );
  });

  it('severity warn turns the three failures into warnings: exit 0, warnings counted', async () => {
    const severity = ['--severity', 'schema=warn,STATUS_CODE_CHECK=warn', '--severity', 'content-type=warn'];
    const run = await telaio(testArgs(drifting.flags, '--format', 'json', ...severity));
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.summary).toMatchObject({ workflows: { passed: 5, failed: 0, skipped: 0 }, warnings: 3 });
    expect(findings(report).map((f) => f.severity)).toEqual(['warn', 'warn', 'warn']);
  });

  it('severity off (here from TELAIO_SEVERITY) skips a check; the others still fail the run', async () => {
    const run = await telaio(testArgs(drifting.flags, '--format', 'json'), {
      env: { TELAIO_SEVERITY: 'schema=off,content-type=off' },
    });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    expect(findings(report).map((f) => f.check)).toEqual(['status-code']);
  });

  it('a conforming API passes: exit 0, pretty summary table per file', async () => {
    const run = await telaio(testArgs(healthy.flags));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/file\s+passed\s+failed\s+warnings\s+skipped\s+steps\s+time/);
    expect(run.stdout).toMatch(/orders\.arazzo\.yaml\s+2\s+0\s+0\s+0\s+2\/2\s+\d+ ms/);
    expect(run.stdout).toMatch(/total\s+5\s+0\s+0\s+0\s+5\/5/);
    expect(run.stdout).toContain('all workflows passed');
  });

  it('a failed dependency skips the workflow that dependsOn it', async () => {
    const run = await telaio(
      testArgs(
        healthy.flags,
        '--format',
        'json',
        '--workflow',
        'findPet',
        '--workflow',
        'buyPet',
        '--input',
        'petId=2',
      ),
    );
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    const orders = report.files.find((f) => f.file.endsWith('orders.arazzo.yaml'));
    expect(orders?.workflows.map((w) => [w.workflowId, w.status])).toEqual([
      ['findPet', 'failed'],
      ['buyPet', 'skipped'],
    ]);
  });
});

describe('telaio test: parallel workflows', () => {
  const interval = (report: Report, id: string) => {
    const w = report.files.flatMap((f) => f.workflows).find((x) => x.workflowId === id);
    return [Date.parse(w?.startedAt ?? ''), Date.parse(w?.endedAt ?? '')] as const;
  };
  const two = ['--workflow', 'listPets', '--workflow', 'showPet', '--format', 'json'];

  it('--jobs 2 runs two independent workflows at the same time (their run intervals overlap)', async () => {
    const report = JSON.parse((await telaio(testArgs(slow.flags, ...two, '--jobs', '2'))).stdout) as Report;
    const [aStart, aEnd] = interval(report, 'listPets');
    const [bStart, bEnd] = interval(report, 'showPet');
    expect(aStart).toBeLessThan(bEnd);
    expect(bStart).toBeLessThan(aEnd);
  });

  it('--jobs 1 runs them one after the other (no overlap)', async () => {
    const report = JSON.parse((await telaio(testArgs(slow.flags, ...two, '--jobs', '1'))).stdout) as Report;
    const [aStart, aEnd] = interval(report, 'listPets');
    const [bStart, bEnd] = interval(report, 'showPet');
    expect(aEnd <= bStart || bEnd <= aStart).toBe(true);
  });
});

describe('telaio test: reports CI systems read', () => {
  it('JUnit: one testsuite per workflow, one testcase per step, the failure naming the check and the line (read by python xml.etree)', async () => {
    const out = tmp('junit.xml');
    const run = await telaio(testArgs(drifting.flags, '--format', 'junit', '--output', out));
    expect(run.code).toBe(1);
    const script = [
      'import json, sys, xml.etree.ElementTree as ET',
      'root = ET.parse(sys.argv[1]).getroot()',
      'print(json.dumps([{"suite": s.get("name").split(" › ")[1], "cases": [c.get("name") for c in s.iter("testcase")],',
      '  "failures": [f.get("message") for f in s.iter("failure")], "skipped": len(list(s.iter("skipped")))} for s in root.iter("testsuite")]))',
    ].join('\n');
    const parsed = JSON.parse(execFileSync('python3', ['-c', script, out], { encoding: 'utf8' })) as {
      suite: string;
      cases: string[];
      failures: string[];
    }[];
    expect(parsed.map((s) => [s.suite, s.cases])).toEqual([
      ['findPet', ['find']],
      ['buyPet', ['order']],
      ['listPets', ['list']],
      ['showPet', ['show']],
      ['inventory', ['counts']],
    ]);
    const listFailure = parsed.find((s) => s.suite === 'listPets')?.failures[0];
    expect(listFailure).toContain('SCHEMA_CHECK (schema) /0/tag must be string or null (got number 7)');
    expect(listFailure).toContain(`pets.openapi.yaml:${lineOf('pets.openapi.yaml', 'type: string', 'tag:')}`);
  });

  it('GitHub annotations sit on the Arazzo line of each failed step', async () => {
    const run = await telaio(testArgs(drifting.flags, '--format', 'github'), { cwd: EXAMPLES });
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toHaveLength(3);
    expect(errors).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^::error file=pets\\.arazzo\\.yaml,line=${lineOf('pets.arazzo.yaml', 'stepId: list', 'listPets')},col=\\d+,title=listPets › list::SCHEMA_CHECK`,
        ),
      ),
    );
    expect(run.stdout).toContain('::notice title=telaio test::2 passed, 3 failed, 0 warnings, 0 skipped');
  });

  it('SARIF puts each check at the OpenAPI line it names, with the Arazzo step as related location', async () => {
    const run = await telaio(testArgs(drifting.flags, '--format', 'sarif'), { cwd: EXAMPLES });
    const results =
      (JSON.parse(run.stdout) as { runs: { results: Record<string, unknown>[] }[] }).runs[0]?.results ?? [];
    const schema = results.find((r) => r.ruleId === 'schema') as {
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
      relatedLocations: { physicalLocation: { artifactLocation: { uri: string } } }[];
    };
    expect(schema.locations[0]?.physicalLocation.artifactLocation.uri).toBe('pets.openapi.yaml');
    expect(schema.locations[0]?.physicalLocation.region.startLine).toBe(
      lineOf('pets.openapi.yaml', 'type: string', 'tag:'),
    );
    expect(schema.relatedLocations[0]?.physicalLocation.artifactLocation.uri).toBe('pets.arazzo.yaml');
  });
});

describe('telaio test: the flags Respect also reads from the environment', () => {
  it('--har records every exchange of every workflow; TELAIO_INPUT takes a JSON object', async () => {
    const har = tmp('all.har');
    const run = await telaio(['test', EXAMPLES, ...healthy.flags, '--har', har], {
      env: { TELAIO_INPUT: '{"petId": 1}' },
    });
    expect(run.code).toBe(0);
    const entries = (
      JSON.parse(readFileSync(har, 'utf8')) as { log: { entries: { request: { url: string } }[] } }
    ).log.entries;
    expect(entries.map((e) => new URL(e.request.url).pathname).sort()).toEqual([
      '/orders',
      '/pets',
      '/pets/1', // showPet
      '/pets/1', // findPet, once: buyPet's dependsOn reuses its run
      '/store/inventory',
    ]);
  });

  it('--execution-timeout aborts workflows still running: they fail (exit 1) and say why', async () => {
    const run = await telaio(testArgs(slow.flags, '--format', 'json', '--execution-timeout', '150ms'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--execution-timeout: the test run took too long');
    const report = JSON.parse(run.stdout) as {
      files: { workflows: { workflowId: string; error?: { code: string } }[] }[];
    };
    const listPets = report.files.flatMap((f) => f.workflows).find((w) => w.workflowId === 'listPets');
    expect(listPets?.error?.code).toBe('aborted');
  });
});

describe('telaio run --checks', () => {
  it('turns the response checks on for one workflow: the wrong content type fails the step (exit 1)', async () => {
    const file = join(EXAMPLES, 'store.arazzo.yaml');
    const plain = await telaio(['run', file, ...drifting.flags.slice(4), '--format', 'json']);
    expect(plain.code).toBe(0);
    const checked = await telaio(['run', file, ...drifting.flags.slice(4), '--format', 'json', '--checks']);
    expect(checked.code).toBe(1);
    const report = JSON.parse(checked.stdout) as { error: { code: string; message: string } };
    expect(report.error.code).toBe('response-check-failed');
    expect(report.error.message).toContain('CONTENT_TYPE_CHECK: Content-Type text/plain is not documented');
    const steps = (
      JSON.parse(checked.stdout) as { steps: { checks?: { check: string; severity: string }[] }[] }
    ).steps;
    expect(steps[0]?.checks?.map((c) => [c.check, c.severity])).toEqual([['content-type', 'error']]);
  });
});

describe('telaio test: could not start (exit 2)', () => {
  it('an unknown --workflow is bad usage', async () => {
    const run = await telaio(testArgs(healthy.flags, '--workflow', 'nope'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--workflow nope: no such workflow');
  });

  it('an invalid document stops everything before anything is sent', async () => {
    const run = await telaio([
      'test',
      EXAMPLES,
      join(EXAMPLES, '../run/invalid.arazzo.yml'),
      ...healthy.flags,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the document is not valid, nothing was run');
  });

  it('a bad --severity names the known checks', async () => {
    const run = await telaio(testArgs(healthy.flags, '--severity', 'SUCCESS_CRITERIA_CHECK=off'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown check 'SUCCESS_CRITERIA_CHECK'");
  });
});
