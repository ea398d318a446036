/**
 * `telaio run` refuses a document only for errors in what the chosen workflow reaches (the
 * workflow, the workflows it calls or depends on, the sources and components they use); errors
 * elsewhere are printed with a line saying they do not affect it. The same for --dry-run.
 */
import { describe, expect, it } from 'vitest';
import { corpusPath, itCorpus } from '../../../test/support/shared-corpus.js';
import { fixture, SECRETS, telaio } from './fixtures/run/fixture-server.js';
import { useFixtureServer } from './support/run.js';

const FILE = fixture('partly-broken.arazzo.yml');
const server = useFixtureServer();
/** The session the fixture API wants in X-Session (an input of fetch-item). */
const session = () => ['--input', `session=${SECRETS.sessionToken}`];
const ELSEWHERE =
  "2 errors elsewhere in partly-broken.arazzo.yml do not affect workflow 'fetch-item'; running it.";

describe('telaio run: errors outside the chosen workflow (Arazzo §4.6.4 Workflow Object: run what is runnable)', () => {
  it('runs a valid workflow beside broken ones, listing their errors once, with the line that they do not affect it', async () => {
    const r = await telaio(
      [
        'run',
        'partly-broken.arazzo.yml',
        '-w',
        'fetch-item',
        '--input',
        'itemId=7',
        ...session(),
        ...server.flag,
      ],
      {
        cwd: fixture('.'),
      },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^partly-broken\.arazzo\.yml:10:10 {2}error {2}source-unresolved /m);
    expect(r.stderr).toMatch(/^partly-broken\.arazzo\.yml:\d+:\d+ {2}error {2}reference-unknown /m);
    expect(r.stderr).toContain(ELSEWHERE);
    expect(server.received.map((q) => q.url)).toContain('/items/7');
  });

  it('the same for --dry-run, which sends nothing', async () => {
    server.received.length = 0;
    const r = await telaio(
      ['run', FILE, '-w', 'fetch-item', '--input', 'itemId=7', ...session(), '--dry-run', ...server.flag],
      {
        cwd: fixture('.'),
      },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(ELSEWHERE);
    expect(r.stdout).toContain(`GET ${server.url}/items/7`);
    expect(server.received).toEqual([]);
  });

  it('refuses a workflow that reaches an error, through a workflow step: only its own errors, exit 2', async () => {
    for (const workflow of ['broken', 'calls-broken']) {
      const r = await telaio(['run', FILE, '-w', workflow, '--dry-run'], { cwd: fixture('.') });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /^telaio run: partly-broken\.arazzo\.yml: the document is not valid, nothing was run$/m,
      );
      expect(r.stderr).toContain('source-unresolved');
      expect(r.stderr).not.toContain('do not affect');
    }
  });

  itCorpus('the OAI pet-coupons example: place-order runs in a dry run', async () => {
    const r = await telaio([
      'run',
      corpusPath('reference', 'oai-examples', 'pet-coupons.arazzo.yaml'),
      '-w',
      'place-order',
      '--dry-run',
      '--input',
      'pet_id=1',
      '--input',
      'quantity=1',
      '--input',
      'coupon_code=SAVE10',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/POST <unresolved base URL of pet-coupons: [^>]+>\/store\/order/);
    expect(r.stdout).toContain('"couponCode": "SAVE10"');
  });
});
