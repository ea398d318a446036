import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Diagnostic, lintDocument, resolveDocument, type SourceLoader, TelaioError } from '@telaio/core';
import { expect, it } from 'vitest';
import { corpusAvailable, corpusPath, describeCorpus } from '../../../../test/support/shared-corpus.js';
import { defaultLoader } from '../../src/sources/create-default-loader.js';

const stytchDir = corpusPath('stytch', 'arazzo');
const oaiDir = corpusPath('reference', 'oai-examples');

/** Files only: tests never reach the network, so an http(s) source is unresolved on purpose. */
const offline: SourceLoader = {
  load(uri, options) {
    if (/^https?:/i.test(uri))
      return Promise.reject(new TelaioError('source-unresolved', `offline test: ${uri}`));
    return defaultLoader.load(uri, options);
  },
};

async function lintFile(file: string): Promise<Diagnostic[]> {
  return lintDocument(await resolveDocument(file, { loader: offline, cache: false }));
}

const show = (ds: readonly Diagnostic[]): string[] =>
  ds.map((d) => `${path.basename(d.file)}:${d.range.start.line} ${d.severity} ${d.code} ${d.message}`);

describeCorpus('the Stytch workflows', () => {
  const files = corpusAvailable ? readdirSync(stytchDir).filter((f) => f.endsWith('.yml')) : [];

  it('are 24 and all lint with no error, both full OpenAPI files resolved', async () => {
    expect(files).toHaveLength(24);
    const errors: Diagnostic[] = [];
    const resolvedKinds = new Set<string>();
    for (const file of files) {
      const resolved = await resolveDocument(path.join(stytchDir, file), { loader: offline, cache: false });
      for (const source of resolved.sources) resolvedKinds.add(`${path.basename(source.uri)}:${source.kind}`);
      errors.push(...lintDocument(resolved).filter((d) => d.severity === 'error'));
    }
    expect(show(errors)).toEqual([]);
    expect([...resolvedKinds].sort()).toEqual([
      'stytch-b2b-openapi.yml:openapi',
      'stytch-consumer-openapi.yml:openapi',
    ]);
  });

  it('warn at the four `$.x.length <op> n` JSONPath conditions (not RFC 9535, read as comparisons)', async () => {
    const warnings: string[] = [];
    for (const file of files) {
      const ds = await lintFile(path.join(stytchDir, file));
      warnings.push(...show(ds.filter((d) => d.code === 'criterion-invalid')));
    }
    const lineOf = (file: string, needle: string): number =>
      readFileSync(path.join(stytchDir, file), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes(needle)) + 1;
    const at = (file: string, condition: string, op: string, literal: string): string =>
      `${file}:${lineOf(file, `condition: ${condition}`)} warning criterion-invalid jsonpath criterion: ` +
      `'${condition}' is not an RFC 9535 query; read as the query '${condition.split(' ')[0]}' compared ${op} ${literal}`;
    const revoke = 'stytch-revoke-connected-app-workflow.yml';
    const search = 'stytch-user-create-search-delete-workflow.yml';
    expect(warnings).toEqual([
      at(revoke, '$.connected_apps.length > 0', '>', '0'),
      at(revoke, '$.connected_apps.length == 0', '==', '0'),
      at(search, '$.results.length > 0', '>', '0'),
      at(search, '$.results.length == 0', '==', '0'),
    ]);
  });

  it('a copy with one operationId misspelled reports operation-unknown at that line', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'telaio-lint-'));
    mkdirSync(path.join(dir, 'arazzo'));
    symlinkSync(corpusPath('stytch', 'openapi'), path.join(dir, 'openapi'));
    const original = readFileSync(path.join(stytchDir, 'stytch-b2b-totp-enrollment-workflow.yml'), 'utf8');
    const broken = original.replace(
      'operationId: api_b2b_totp_v1_Authenticate',
      'operationId: api_b2b_totp_v1_Authenticat',
    );
    expect(broken).not.toBe(original);
    const copy = path.join(dir, 'arazzo', 'broken.yml');
    writeFileSync(copy, broken);
    const found = (await lintFile(copy)).filter((d) => d.severity === 'error');
    const line =
      broken
        .split('\n')
        .findIndex(
          (l) => l.includes('api_b2b_totp_v1_Authenticat\n') || l.endsWith('api_b2b_totp_v1_Authenticat'),
        ) + 1;
    expect(found.map((d) => [d.code, d.range.start.line])).toEqual([['operation-unknown', line]]);
    expect(found[0]!.message).toContain("did you mean 'api_b2b_totp_v1_Authenticate'");
  });
});

describeCorpus('the OAI examples', () => {
  const codesOf = async (name: string) => {
    const ds = await lintFile(path.join(oaiDir, name));
    return {
      ds,
      errors: ds.filter((d) => d.severity === 'error').map((d) => `${d.range.start.line} ${d.code}`),
    };
  };

  it('LoginAndRetrievePets: the operationPath lacks its method (and the petstore URL is offline here)', async () => {
    const { ds, errors } = await codesOf('LoginAndRetrievePets.arazzo.yaml');
    // Line 10: the https petstore source cannot be loaded in a test; line 46: the operationPath
    // '#/paths/~1pet~1findByStatus' stops at the path item, found without the source at all.
    expect(errors).toEqual(['10 source-unresolved', '46 operation-unknown']);
    expect(ds.find((d) => d.code === 'operation-unknown')!.message).toContain('lacks the HTTP method');
  });

  it('ExtendedParametersExample: names a missing file', async () => {
    const { errors } = await codesOf('ExtendedParametersExample.arazzo.yaml');
    // ./animals.yaml is not beside it; the operation checks are then skipped, not guessed.
    expect(errors).toEqual(['8 source-unresolved']);
  });

  // What the others report, all genuine mistakes of the examples:
  // - FAPI-PAR: `$sourceDescriptions.auth-api.PAR`, but the OpenAPI operationId is `Par` (ids are case-sensitive).
  // - bnpl: its source is an https URL (offline here); step authenticateCustomerAndAuthorizeLoan reads its
  //   own output redirectAuthToken, which it does not define (it belongs to an earlier step);
  //   initiateBnplTransaction defines no loanTransactionId output; the workflow output
  //   `$steps.retrieveFinalizedPaymentPlan.finalizedPaymentPlan` lacks `.outputs`.
  // - pet-coupons: query parameter `pet_tags` (the operation's is `tags`), path parameter `pet_id`
  //   (it is `petId`, hence also a warning that the required `petId` is not supplied). Its steps
  //   that run place-order read `$outputs.workflow_order_id`: in a workflow step `$outputs` means
  //   the outputs of the workflow it ran, and place-order defines it, so that is not reported.
  // - oauth: clean.
  it('no crash on any, and what each of the others reports', async () => {
    const report: Record<string, string[]> = {};
    for (const file of readdirSync(oaiDir).filter((f) => f.includes('arazzo')))
      report[file] = (await codesOf(file)).errors;
    expect(report).toMatchInlineSnapshot(`
      {
        "ExtendedParametersExample.arazzo.yaml": [
          "8 source-unresolved",
        ],
        "FAPI-PAR.arazzo.yaml": [
          "102 operation-unknown",
        ],
        "LoginAndRetrievePets.arazzo.yaml": [
          "10 source-unresolved",
          "46 operation-unknown",
        ],
        "bnpl-arazzo.yaml": [
          "9 source-unresolved",
          "231 reference-unknown",
          "242 reference-unknown",
          "253 reference-unknown",
          "260 expression-invalid",
        ],
        "oauth.arazzo.yaml": [],
        "pet-coupons.arazzo.yaml": [
          "38 parameter-invalid",
        ],
      }
    `);
  });
});
