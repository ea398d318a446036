/**
 * The HTML report of `telaio run --report html FILE` (issue 18 pt 3; CONTRACT.md "one self-contained
 * HTML page of the run, masked like every other report") opened in a real browser: Debian's
 * Chromium, headless, through playwright-core (no browser download; `.ci/services/chromium.sh`
 * installs it and exports TELAIO_CHROMIUM, else these tests skip with the services line). The runs
 * are the B2B TOTP enrollment seed against a Stytch sandbox whose every secret the test can read:
 * one passing (the right code), one failing (a wrong code), and `telaio test` over the three seeds
 * with that failing one among them. What a person sees is checked (the steps,
 * the failed step marked, the reason and its Arazzo line), the keyboard works (rows open with Enter
 * and Space, a graph node leads to its row), no http(s) request is made, and no secret is in the
 * page's text or source. Screenshots (light and dark) are kept in artifacts/html-report/ (ignored by
 * git; a CI artefact).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Sandbox, startSandbox } from '@telaio/stytch-sandbox';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { describeService, itService } from './support/services.js';
import { repoRoot } from './support/stytch-harness.js';

const bin = path.join(repoRoot, 'packages/cli/bin/telaio.js');
const seed = path.join(repoRoot, 'specs/arazzo/stytch-b2b-totp-enrollment-workflow.yml');
const artifacts = path.join(repoRoot, 'artifacts/html-report');
const ORG = 'organization-test-00000000-0000-4000-8000-000000000001';
const MEMBER = 'member-test-00000000-0000-4000-8000-000000000001';
const seeds = {
  b2b: seed,
  consumer: path.join(repoRoot, 'specs/arazzo/stytch-totp-enrollment-workflow.yml'),
  recovery: path.join(repoRoot, 'specs/arazzo/stytch-b2b-recovery-codes-rotate-workflow.yml'),
};

/** Every string the sandbox holds under a secret-looking key (TOTP secrets, recovery codes, session tokens and JWTs), and its credentials. */
function secretsOf(sandbox: Sandbox): string[] {
  const found = new Set<string>([
    sandbox.secret,
    Buffer.from(`${sandbox.projectId}:${sandbox.secret}`).toString('base64'),
  ]);
  const isSecret = (key: string) => /secret|token|jwt|recovery|qr/i.test(key);
  /** Strings (or lists of strings) right under a secret-looking key, and the keys of maps named so. */
  const walk = (value: unknown, key: string): void => {
    if (typeof value === 'string') {
      if (isSecret(key) && value.length >= 6) found.add(value);
    } else if (value instanceof Map) {
      for (const [k, item] of value) {
        if (typeof k === 'string' && isSecret(key) && k.length >= 6) found.add(k);
        walk(item, '');
      }
    } else if (Array.isArray(value)) for (const item of value) walk(item, key);
    else if (value !== null && typeof value === 'object')
      for (const [k, item] of Object.entries(value)) walk(item, k);
  };
  walk(sandbox.state, '');
  return [...found];
}

/** Runs the enrollment seed against a fresh sandbox with `code`, writing the report; returns it with the secrets that existed. */
function enrollment(name: string, code: string[]) {
  return withSandbox(name, (sandbox, file) => [
    'run',
    seed,
    '--server',
    `stytchB2bApi=${sandbox.url}`,
    '--input',
    `organization_id=${ORG}`,
    '--input',
    `member_id=${MEMBER}`,
    ...code,
    '--report',
    'html',
    file,
  ]);
}

/**
 * `telaio test` over the three seeds against one sandbox: the consumer TOTP enrollment (the right
 * code) and the B2B recovery-code rotation pass, the B2B TOTP enrollment (a wrong code) fails.
 */
function testSeeds(name: string) {
  return withSandbox(name, (sandbox, file) => {
    // The README's example: inputs keyed FILE#workflowId (two seeds are both `totp-enrollment`).
    const inputs = path.join(repoRoot, 'specs/seed-test-inputs.json');
    return [
      'test',
      seeds.consumer,
      seeds.b2b,
      seeds.recovery,
      '--server',
      `stytchB2bApi=${sandbox.url}`,
      '--server',
      `stytchConsumerApi=${sandbox.url}`,
      '--inputs',
      inputs,
      '--input-from',
      'totp_code=totp:$steps.createTotp.outputs.secret',
      '--jobs',
      '1',
      '--report',
      'html',
      file,
    ];
  });
}

/** Runs telaio with `args(sandbox, reportFile)` against a fresh sandbox; returns the report with the secrets that existed. */
async function withSandbox(
  name: string,
  args: (sandbox: Sandbox, file: string) => string[],
): Promise<{ file: string; secrets: string[]; code: number | null }> {
  const sandbox = await startSandbox();
  try {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'telaio-html-browser-')), `${name}.html`);
    // Spawned, not spawnSync: the sandbox answers from this process's event loop.
    const child = spawn(process.execPath, [bin, ...args(sandbox, file)], {
      stdio: 'ignore',
      env: {
        ...process.env,
        NO_COLOR: '1',
        STYTCH_PROJECT_ID: sandbox.projectId,
        STYTCH_SECRET: sandbox.secret,
      },
    });
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const secrets = secretsOf(sandbox);
    expect(secrets.length).toBeGreaterThanOrEqual(3);
    return { file, secrets, code: status };
  } finally {
    await sandbox.close();
  }
}

describeService(
  'Chromium',
  'TELAIO_CHROMIUM',
  'the HTML report in a browser (issue 18 pt 3)',
  (executable) => {
    let context: BrowserContext;
    const requests: string[] = [];
    beforeAll(async () => {
      context = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'telaio-chromium-')), {
        executablePath: executable,
        headless: true,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
        viewport: { width: 1100, height: 900 },
      });
      // Any request but the file itself is counted and refused: the page must need none.
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('file:')) return route.continue();
        requests.push(url);
        return route.abort();
      });
      mkdirSync(artifacts, { recursive: true });
    });
    afterAll(() => context?.close());

    /** Opens a report; returns the page with its visible text and its source. */
    async function open(file: string, name: string) {
      const page = await context.newPage();
      await page.goto(`file://${file}`);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.screenshot({ path: path.join(artifacts, `${name}-${scheme}.png`), fullPage: true });
      }
      await page.emulateMedia({ colorScheme: 'light' });
      // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText is the text a person sees
      return { page, text: await page.locator('body').innerText(), source: await page.content() };
    }

    itService(
      'Chromium',
      'TELAIO_CHROMIUM',
      'a failed enrollment (wrong code): the failed step marked, its reason and Arazzo line; no secret',
      async () => {
        const run = await enrollment('failed-enrollment', ['--input', 'code=000000']);
        expect(run.code).toBe(1);
        const { page, text, source } = await open(run.file, 'failed-enrollment');
        expect(await page.locator('.timeline > li summary .name').allTextContents()).toEqual([
          'createTotp',
          'authenticateTotp',
        ]);
        await expect
          .poll(() => page.locator('li.failed-here summary .name').textContent())
          .toBe('authenticateTotp');
        expect(await page.locator('#x-1').getAttribute('open')).not.toBeNull();
        expect(text).toContain('totp-enrollment failed at step authenticateTotp');
        expect(await page.locator('[role=alert]').textContent()).toMatch(
          /criteria-failed[\s\S]*passcode was incorrect[\s\S]*stytch-b2b-totp-enrollment-workflow\.yml:75/,
        );
        expect(await page.locator('svg .node.failed').getAttribute('aria-label')).toBe(
          'step authenticateTotp failed: go to its row',
        );
        for (const secret of run.secrets) {
          expect(text, 'visible text').not.toContain(secret);
          expect(source, 'source').not.toContain(secret);
        }
        expect(text).toContain('[REDACTED]');
        expect(requests).toEqual([]);
        await page.close();
      },
    );

    itService(
      'Chromium',
      'TELAIO_CHROMIUM',
      'a passing enrollment: both steps succeeded, the keyboard opens rows and follows the graph; no secret',
      async () => {
        const run = await enrollment('passed-enrollment', [
          '--input-from',
          'code=totp:$steps.createTotp.outputs.secret',
        ]);
        expect(run.code).toBe(0);
        const { page, text, source } = await open(run.file, 'passed-enrollment');
        expect(text).toContain('totp-enrollment succeeded');
        expect(await page.locator('.timeline .icon.failure').count()).toBe(0);
        expect(await page.locator('svg .node.step.taken').count()).toBe(2);
        // A row's summary is focusable: Enter opens it, Space closes it.
        const summary = page.locator('#x-0 > summary');
        await summary.focus();
        await page.keyboard.press('Enter');
        expect(await page.locator('#x-0').getAttribute('open')).not.toBeNull();
        expect(await page.locator('#x-0').textContent()).toMatch(
          /POST http:\/\/127\.0\.0\.1:\d+\/v1\/b2b\/totp/,
        );
        await page.keyboard.press('Space');
        expect(await page.locator('#x-0').getAttribute('open')).toBeNull();
        // Tab reaches the graph's node links; Enter on one opens and focuses its row.
        const node = page.locator('svg a.node').nth(1);
        await node.focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => page.evaluate(() => location.hash)).toBe('#x-1');
        await expect.poll(() => page.evaluate(() => document.activeElement?.parentElement?.id)).toBe('x-1');
        expect(await page.locator('#x-1').getAttribute('open')).not.toBeNull();
        for (const secret of run.secrets) {
          expect(text).not.toContain(secret);
          expect(source).not.toContain(secret);
        }
        expect(requests).toEqual([]);
        await page.close();
      },
    );

    itService(
      'Chromium',
      'TELAIO_CHROMIUM',
      'telaio test over the three seeds, one failing: the summary marks the failed workflow, its run shows why; no secret',
      async () => {
        const run = await testSeeds('failed-test');
        expect(run.code).toBe(1);
        const { page, text, source } = await open(run.file, 'failed-test');
        expect(text).toContain('1 of 3 workflows failed');
        const summary = page.locator('table.suite tbody tr');
        expect(await summary.count()).toBe(3);
        const failed = page.locator('tr.wf.failed');
        expect(await failed.count()).toBe(1);
        // biome-ignore lint/performance/useDomNodeTextContent: what a person sees
        expect(await failed.innerText()).toMatch(
          /failed\s+totp-enrollment[\s\S]*criteria-failed at authenticateTotp/,
        );
        expect(await page.locator('tr.wf.passed').count()).toBe(2);
        // The failed row's link leads to its run: the failed step open and marked, its reason.
        const link = failed.locator('a');
        await link.focus();
        await page.keyboard.press('Enter');
        const target = await page.evaluate(() => location.hash);
        const section = page.locator(`section.run:has(${target})`);
        expect(await section.getAttribute('class')).toContain('failure');
        expect(await section.locator('li.failed-here summary .name').textContent()).toBe('authenticateTotp');
        expect(await section.locator('[role=alert]').textContent()).toMatch(
          /criteria-failed[\s\S]*passcode was incorrect[\s\S]*stytch-b2b-totp-enrollment-workflow\.yml:75/,
        );
        expect(await section.locator('svg .node.failed').getAttribute('aria-label')).toBe(
          'step authenticateTotp failed: go to its row',
        );
        expect(await page.locator('section.run.success').count()).toBe(2);
        for (const secret of run.secrets) {
          expect(text, 'visible text').not.toContain(secret);
          expect(source, 'source').not.toContain(secret);
        }
        expect(text).toContain('[REDACTED]');
        expect(requests).toEqual([]);
        await page.close();
      },
    );
  },
);
