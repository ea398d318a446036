import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ElicitRequestSchema, type ElicitResult } from '@modelcontextprotocol/sdk/types.js';
import { generateTotpCode } from '@telaio/stytch-sandbox';

/** The built CLI (`pnpm test` builds first), spawned as a user's MCP client would. */
export const TELAIO = fileURLToPath(new URL('../../../cli/bin/telaio.js', import.meta.url));
/** The repository root (the CLI runs from there so `specs/arazzo/*.yml` resolves). */
export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
/** The three Stytch workflow documents of the repository. */
export const STYTCH_DOCS = [
  'specs/arazzo/stytch-b2b-totp-enrollment-workflow.yml',
  'specs/arazzo/stytch-b2b-recovery-codes-rotate-workflow.yml',
  'specs/arazzo/stytch-totp-enrollment-workflow.yml',
];
/** Seeded ids of every fresh sandbox (CONTRACT.md). */
export const ORG = 'organization-test-00000000-0000-4000-8000-000000000001';
export const MEMBER = 'member-test-00000000-0000-4000-8000-000000000001';

/** What a person answers to one elicitation: the form's content, or undefined to decline. */
export type Person = (request: { message: string; field: string }) => Promise<string | undefined>;

/**
 * An SDK Client that declares elicitation (when `person` is given) and answers each question with
 * `person`, recording every message it was shown.
 */
export async function connectClient(transport: Transport, person?: Person) {
  const asked: string[] = [];
  const client = new Client(
    { name: 'telaio-test-client', version: '1.0.0' },
    { capabilities: person === undefined ? {} : { elicitation: { form: {} } } },
  );
  if (person !== undefined) {
    client.setRequestHandler(ElicitRequestSchema, async (request): Promise<ElicitResult> => {
      const params = request.params as { message: string; requestedSchema?: { properties: object } };
      asked.push(params.message);
      const field = Object.keys(params.requestedSchema?.properties ?? {})[0] ?? '';
      const answer = await person({ message: params.message, field });
      return answer === undefined
        ? { action: 'decline' }
        : { action: 'accept', content: { [field]: answer } };
    });
  }
  await client.connect(transport);
  return { client, asked };
}

/**
 * The person with an authenticator app: they add the account from the otpauth:// URI the question
 * shows (as scanning the QR code would), then type the code the app displays.
 */
export const personWithAuthenticator: Person = async ({ message }) => {
  const uri = /otpauth:\/\/\S+/.exec(message)?.[0];
  const secret = uri === undefined ? undefined : new URL(uri).searchParams.get('secret');
  if (secret === undefined || secret === null) return undefined;
  return generateTotpCode({ secret });
};
