/**
 * @telaio/stytch-sandbox: a local Stytch-compatible server for the MFA surface, with real TOTP.
 * Depends on nothing of the engine.
 */

export { generateTotpCode } from './crypto/totp.js';
export type { SandboxLogger } from './http/handle-request.js';
export type { Sandbox, SandboxOptions, SandboxStateView } from './start-sandbox.js';
export { startSandbox } from './start-sandbox.js';
export type { SandboxSeeds } from './state/create-state.js';
export { SEED_IDS } from './state/create-state.js';
