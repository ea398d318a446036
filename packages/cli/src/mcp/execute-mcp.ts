import { readDeclaredInputs } from '@telaio/core';
import type { InputClaimContext } from '@telaio/mcp';
import { createMasker } from '../mask/create-masker.js';
import { createSecretHooks } from '../mask/create-secret-hooks.js';
import { isSecretName } from '../mask/is-secret-name.js';
import { buildInputProviders } from '../run/build-input-providers.js';
import { checkAuthTargets, readSourceSchemes } from '../run/check-auth-targets.js';
import { checkServerUrls } from '../run/check-server-urls.js';
import { createCliEngine } from '../run/engine-api.js';
import { startRunServices } from '../run/start-run-services.js';
import { colorsFor } from '../shared/colors-for.js';
import { UsageError } from '../shared/usage-error.js';
import { checkServedNames } from './check-served-names.js';
import type { McpOptions } from './handle-mcp.js';
import { loadServedDocuments } from './load-served-documents.js';
import { stytchTotpCode } from './stytch-totp-code.js';

/**
 * `telaio mcp`: start the services `telaio run` uses (sandbox, transport, credentials from the
 * environment and --auth, the masker), load and check every document once, build one tool per
 * workflow and serve them over stdio or Streamable HTTP until the client leaves or a signal stops
 * the server. Returns 0 then; throws UsageError (exit 2) when nothing can be served.
 */
export async function executeMcp(options: McpOptions): Promise<number> {
  const { run } = options;
  const stderr = process.stderr;
  const colors = colorsFor(stderr);
  const log = (line: string): void => void stderr.write(`telaio mcp: ${masker.text(line)}\n`);
  const masker = createMasker({ reveal: run.revealSecrets });
  const services = await startRunServices({ run, masker });
  try {
    const engine = await createCliEngine({
      transport: services.transport,
      messageTransport: services.messageTransport,
      credentials: services.credentials,
      servers: run.servers,
    });
    const documents = await loadServedDocuments({
      engine,
      files: options.files,
      color: colors.isColorSupported,
      write: (text) => void stderr.write(masker.text(text)),
    });
    if (documents.length === 0)
      throw new UsageError(`none of the ${options.files.length} given document(s) can be served`);
    checkServedNames({ documents, servers: run.servers, revealOutputs: options.revealOutputs });
    await checkServerUrls({ servers: run.servers, sources: documents.flatMap((d) => d.sources) });
    if (run.auth.length > 0) {
      await checkAuthTargets({
        entries: run.auth,
        schemes: new Map(documents.flatMap((d) => [...readSourceSchemes(d.sources)])),
      });
      await services.useAuth(run.auth);
    }
    if (
      run.sandbox ||
      documents.some((d) => d.document.sourceDescriptions.some((s) => /stytch/i.test(`${s.name} ${s.url}`)))
    )
      await services.useStytch();
    const machineInputs = run.inputFrom.filter((from) => from.provider !== 'prompt');
    const providerPlan = { interactive: false, dryRun: false, masker, colors };
    // A malformed totp:EXPR is a usage error now, not at the first call.
    await buildInputProviders({
      ...providerPlan,
      inputFrom: machineInputs,
      given: {},
      schema: { properties: {}, required: [], complete: true },
    });
    const mcp = await import('@telaio/mcp');
    const revealOutput = (workflowId: string, name: string): boolean =>
      run.revealSecrets || options.revealOutputs.some((r) => r.output === name && r.id === workflowId);
    // An input the server fills itself (--input-from NAME=env:VAR or totp:EXPR) is nobody's to ask.
    const filled = new Set(machineInputs.map((f) => f.name));
    const plugins = [
      mcp.passwordInputs,
      mcp.promptInputs(run.inputFrom.filter((f) => f.provider === 'prompt').map((f) => f.name)),
      stytchTotpCode(),
    ].map((plugin) => ({
      ...plugin,
      claim: (c: InputClaimContext) => (filled.has(c.name) ? undefined : plugin.claim(c)),
    }));
    const tools = mcp.buildToolCatalog({ documents, plugins, isSecretName, revealOutput });
    const served = {
      engine,
      tools,
      plugins,
      revealOutput,
      masker: { value: masker.value, text: masker.text, add: masker.add, isSecretName },
      runHooks: () => createSecretHooks(masker),
      inputProviders: async (call: import('@telaio/mcp').ProviderCall) => {
        const schema = readDeclaredInputs({
          document: call.tool.document.document,
          workflow: call.tool.document.document.workflows.find((w) => w.workflowId === call.tool.workflowId),
        });
        return buildInputProviders({
          ...providerPlan,
          inputFrom: machineInputs.filter((f) => f.name in schema.properties && !(f.name in call.given)),
          given: call.given,
          schema,
          onError: (name, error) => call.onError(name, error),
        });
      },
      log,
      serverInfo: { name: 'telaio', version: await version() },
    };
    const names = tools.map((t) => t.name).join(', ');
    if (options.httpPort === undefined) {
      log(`serving ${tools.length} tool(s) over stdio: ${names}`);
      await mcp.serveStdio(served);
      return 0;
    }
    const endpoint = await mcp.serveHttp({ ...served, port: options.httpPort });
    log(`serving ${tools.length} tool(s) on ${endpoint.url}: ${names}`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await endpoint.close();
    return 0;
  } finally {
    await services.close();
  }
}

async function version(): Promise<string> {
  const { createRequire } = await import('node:module');
  return (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
}
