import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DOMParser } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import { corpusFiles, itCorpus } from '../../../test/support/shared-corpus.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const bin = path.join(repoRoot, 'packages/cli/bin/telaio.js');
const fixtures = path.join(import.meta.dirname, 'fixtures/validate');
/** The project's own seed workflows (specs/arazzo), sources in specs/openapi. */
const specsDir = path.join(repoRoot, 'specs');
const seedFiles = readdirSync(path.join(specsDir, 'arazzo'))
  .filter((f) => f.endsWith('.yml'))
  .sort()
  .map((f) => path.join(specsDir, 'arazzo', f));
const cacheDir = mkdtempSync(path.join(tmpdir(), 'telaio-validate-cache-'));

function telaio(args: string[], cwd = repoRoot) {
  const r = spawnSync(process.execPath, [bin, 'validate', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let broken: { file: string; line: number; column: number };

beforeAll(() => {
  // A copy of one seed workflow with one operationId misspelled, beside a link to the project's OpenAPI files.
  const dir = mkdtempSync(path.join(tmpdir(), 'telaio-validate-'));
  mkdirSync(path.join(dir, 'arazzo'));
  symlinkSync(path.join(specsDir, 'openapi'), path.join(dir, 'openapi'));
  const text = readFileSync(path.join(specsDir, 'arazzo', 'stytch-totp-enrollment-workflow.yml'), 'utf8');
  const lines = text.split('\n');
  const index = lines.findIndex((l) => /operationId: api_totp_v1_Create$/.test(l));
  expect(index).toBeGreaterThan(0);
  lines[index] = lines[index]!.replace('api_totp_v1_Create', 'api_totp_v1_Craete');
  const file = path.join(dir, 'arazzo', 'broken.yml');
  writeFileSync(file, lines.join('\n'));
  broken = { file, line: index + 1, column: lines[index]!.indexOf('api_totp_v1_Craete') + 1 };
});

describe('telaio validate', () => {
  itCorpus(
    'passes the 24 Stytch workflows with no error (exit 0), warning at the 4 non-RFC 9535 JSONPath conditions',
    () => {
      const stytchFiles = corpusFiles('stytch/arazzo', /\.yml$/);
      expect(stytchFiles).toHaveLength(24);
      const r = telaio(['--cache-dir', cacheDir, ...stytchFiles]);
      const warnings = r.stdout.split('\n').filter((l) => l.includes('  warning  '));
      expect(warnings).toHaveLength(4);
      for (const l of warnings)
        expect(l).toMatch(
          / {2}warning {2}criterion-invalid {2}jsonpath criterion: '\$\.\w+\.length [=>]=? 0' is not an RFC 9535 query/,
        );
      expect(r.stdout).toMatch(/\n✖ 4 problems \(0 errors, 4 warnings\) in 24 files\n$/);
      expect(r.code).toBe(0);
    },
  );

  it('reports a misspelled operationId as file:line:col  error  operation-unknown (exit 1)', () => {
    const r = telaio(['--no-cache', broken.file]);
    // An absolute FILE is reported absolute, not as a ../ climb from the cwd.
    expect(r.stdout).toContain(
      `${broken.file}:${broken.line}:${broken.column}  error  operation-unknown  operationId 'api_totp_v1_Craete'`,
    );
    expect(r.stdout).toMatch(/✖ 1 problem \(1 error, 0 warnings\) in 1 file\n$/);
    expect(r.code).toBe(1);
  });

  it('--format json prints exactly the contract object', () => {
    const r = telaio([
      '--format',
      'json',
      '--no-cache',
      broken.file,
      path.join(fixtures, 'warnings-only.arazzo.yaml'),
    ]);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(['diagnostics', 'summary']);
    expect(report.summary).toEqual({ files: 2, errors: 1, warnings: 1 });
    expect(report.diagnostics[0]).toEqual({
      file: broken.file,
      code: 'operation-unknown',
      severity: 'error',
      message: expect.stringContaining("did you mean 'api_totp_v1_Create'"),
      line: broken.line,
      column: broken.column,
      endLine: broken.line,
      endColumn: broken.column + 'api_totp_v1_Craete'.length,
      pointer: '/workflows/0/steps/1/operationId',
    });
    expect(report.diagnostics[1]).toMatchObject({
      code: 'reference-unknown',
      severity: 'warning',
      line: 26,
      pointer: '/workflows/0/outputs/status',
    });
    expect(r.code).toBe(1);
  });

  it('names each FILE as typed: relative stays relative, absolute stays absolute (stylish, json, junit); SARIF uri relative under the cwd', () => {
    const relative = path.relative(repoRoot, path.join(fixtures, 'warnings-only.arazzo.yaml'));
    const dotted = `./${relative}`;
    const absolute = path.join(fixtures, 'escapes.arazzo.yaml');
    const args = ['--no-cache', relative, dotted, absolute];
    const stylish = telaio(args).stdout.split('\n');
    expect(stylish[0]).toMatch(
      /^packages\/cli\/test\/fixtures\/validate\/warnings-only\.arazzo\.yaml:26:15 {2}warning/,
    );
    expect(stylish[1]!.startsWith(`${dotted}:26:15  warning  reference-unknown`)).toBe(true);
    expect(stylish.filter((l) => l.startsWith(`${absolute}:`))).toHaveLength(3);
    const json = JSON.parse(telaio(['--format', 'json', ...args]).stdout);
    expect([...new Set(json.diagnostics.map((d: { file: string }) => d.file))]).toEqual([
      relative,
      dotted,
      absolute,
    ]);
    const junit = new DOMParser().parseFromString(telaio(['--format', 'junit', ...args]).stdout, 'text/xml');
    const suites = junit.getElementsByTagName('testsuite');
    expect([0, 1, 2].map((i) => suites[i]!.getAttribute('name'))).toEqual([relative, dotted, absolute]);
    expect(suites[2]!.getElementsByTagName('failure')[0]!.textContent).toContain(`${absolute}:`);
    // SARIF: files under the cwd are relative (forward slashes), however they were typed.
    const sarif = JSON.parse(telaio(['--format', 'sarif', ...args]).stdout);
    const uris = sarif.runs[0].results.map(
      (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
        r.locations[0]!.physicalLocation.artifactLocation.uri,
    );
    expect(new Set(uris)).toEqual(
      new Set([relative, path.relative(repoRoot, absolute)].map((p) => p.split(path.sep).join('/'))),
    );
    // Relative URIs name their base, which the run maps to the working directory.
    expect(sarif.runs[0].originalUriBaseIds).toEqual({
      '%SRCROOT%': { uri: pathToFileURL(`${repoRoot}${path.sep}`).href },
    });
    for (const result of sarif.runs[0].results)
      expect(result.locations[0].physicalLocation.artifactLocation.uriBaseId).toBe('%SRCROOT%');
  });

  it('exits 0 when there are only warnings', () => {
    const r = telaio(['--no-cache', path.join(fixtures, 'warnings-only.arazzo.yaml')]);
    expect(r.stdout).toContain('warnings-only.arazzo.yaml:26:15  warning  reference-unknown');
    expect(r.code).toBe(0);
  });

  it('--format sarif is SARIF 2.1.0 as GitHub code scanning reads it', () => {
    const r = telaio(['--format', 'sarif', '--no-cache', broken.file]);
    const log = JSON.parse(r.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toContain('sarif');
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('telaio');
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(['operation-unknown']);
    expect(run.results).toHaveLength(1);
    expect(run.results[0]).toMatchObject({
      ruleId: 'operation-unknown',
      ruleIndex: 0,
      level: 'error',
      message: { text: expect.stringContaining('api_totp_v1_Craete') },
      locations: [
        {
          physicalLocation: {
            // Outside the cwd: an absolute file:// URI.
            artifactLocation: { uri: pathToFileURL(broken.file).href },
            region: {
              startLine: broken.line,
              startColumn: broken.column,
              endLine: broken.line,
              endColumn: broken.column + 18,
            },
          },
        },
      ],
    });
    expect(r.code).toBe(1);
  });

  it('--format junit: a testsuite and a testcase per file, failures listing diagnostics, valid escaped XML', () => {
    const escapes = path.join(fixtures, 'escapes.arazzo.yaml');
    const r = telaio(['--format', 'junit', '--no-cache', seedFiles[0]!, escapes]);
    const errors: string[] = [];
    const doc = new DOMParser({
      onError: (level, message) => errors.push(`${level}: ${message}`),
    }).parseFromString(r.stdout, 'text/xml');
    expect(errors).toEqual([]);
    const suites = doc.getElementsByTagName('testsuite');
    expect(suites.length).toBe(2);
    expect(suites[0]!.getAttribute('failures')).toBe('0');
    expect(suites[1]!.getAttribute('name')).toBe(escapes);
    expect(suites[1]!.getAttribute('failures')).toBe('1');
    expect(doc.getElementsByTagName('testcase').length).toBe(2);
    const failure = suites[1]!.getElementsByTagName('failure')[0]!;
    expect(failure.textContent).toContain(`$inputs.a<&>"'`);
    expect(failure.textContent).toContain('expression-invalid');
    expect(r.code).toBe(1);
  });

  it('an unreadable FILE is an error diagnostic, the others are still checked, output in argument order', () => {
    const missing = path.join(fixtures, 'no-such-file.arazzo.yaml');
    const r = telaio(['--format', 'json', '--no-cache', missing, seedFiles[1]!, broken.file]);
    const report = JSON.parse(r.stdout);
    expect(report.diagnostics.map((d: { code: string }) => d.code)).toEqual([
      'file-unreadable',
      'operation-unknown',
    ]);
    expect(report.diagnostics[0].file).toBe(missing);
    expect(report.summary).toEqual({ files: 3, errors: 2, warnings: 0 });
    expect(r.code).toBe(1);
  });

  it('an empty document (no text, ~, only a comment) is one schema error at 1:1, exit 1', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'telaio-validate-empty-'));
    const files = ['', '~\n', '# only a comment\n'].map((text, i) => {
      const file = path.join(dir, `empty-${i}.arazzo.yaml`);
      writeFileSync(file, text);
      return file;
    });
    const r = telaio(['--no-cache', ...files]);
    const lines = r.stdout.split('\n').filter((l) => l.includes('  error  '));
    expect(lines).toHaveLength(3);
    for (const line of lines)
      expect(line).toMatch(
        /:1:1 {2}error {2}schema {2}the document is empty; an Arazzo document is an object with arazzo, info, sourceDescriptions and workflows$/,
      );
    expect(r.code).toBe(1);
  });

  it('bad usage exits 2 with the usage on stderr: no FILE, an unknown option, an unknown format', () => {
    for (const args of [[], ['--frobnicate', seedFiles[0]!], ['--format', 'xml', seedFiles[0]!]]) {
      const r = telaio(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('Usage: telaio validate');
    }
  });

  it('prints no colour codes when stdout is not a terminal', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '1' };
    delete env.NO_COLOR;
    const r = spawnSync(process.execPath, [bin, 'validate', '--no-cache', broken.file], {
      cwd: repoRoot,
      encoding: 'utf8',
      env,
    });
    expect(r.stdout).toContain('operation-unknown');
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('--help prints the options and examples (exit 0)', () => {
    const r = telaio(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--no-cache');
    expect(r.stdout).toContain('Examples:');
  });
});

describe('telaio validate with nested Arazzo sources', () => {
  it('reports problems inside a nested source at its own file:line:col, once for several FILEs', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'telaio-validate-nested-'));
    mkdirSync(path.join(dir, 'nested'));
    const pets = path.join(repoRoot, 'packages/core/test/fixtures/sources/pets-3.0.yaml');
    const root = (title: string) => `arazzo: 1.0.1
info: {title: ${title}, version: '1'}
sourceDescriptions:
  - {name: pets, url: '${pets}'}
  - {name: child, url: nested/child.arazzo.yaml, type: arazzo}
workflows:
  - {workflowId: w, steps: [{stepId: s, workflowId: $sourceDescriptions.child.c}]}
`;
    writeFileSync(path.join(dir, 'a.arazzo.yaml'), root('a'));
    writeFileSync(path.join(dir, 'b.arazzo.yaml'), root('b'));
    writeFileSync(
      path.join(dir, 'nested/child.arazzo.yaml'),
      `arazzo: 1.0.1
info: {title: child, version: '1'}
sourceDescriptions:
  - {name: gone, url: ./missing.yaml}
workflows:
  - {workflowId: c, steps: [{stepId: s, operationId: nope}]}
`,
    );
    const r = telaio(['--no-cache', 'a.arazzo.yaml', 'b.arazzo.yaml'], dir);
    const nested = r.stdout.split('\n').filter((l) => l.startsWith('nested/child.arazzo.yaml:'));
    expect(nested).toEqual([
      expect.stringMatching(
        /^nested\/child\.arazzo\.yaml:4:23 {2}error {2}source-unresolved {2}cannot resolve source '\.\/missing\.yaml'/,
      ),
    ]);
    expect(r.stdout).toMatch(/✖ 1 problem \(1 error, 0 warnings\) in 2 files\n$/);
    expect(r.code).toBe(1);
  });
});
