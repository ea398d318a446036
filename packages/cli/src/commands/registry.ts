import { cancelCommand } from '../cancel/command.js';
import { graphCommand } from '../graph/command.js';
import { listCommand } from '../list/command.js';
import { mcpCommand } from '../mcp/command.js';
import { resolveCommand } from '../resolve/command.js';
import { runCommand } from '../run/command.js';
import { sandboxCommand } from '../sandbox/command.js';
import { statusCommand } from '../status/command.js';
import { submitCommand } from '../submit/command.js';
import { testCommand } from '../test/command.js';
import { validateCommand } from '../validate/command.js';
import { workerCommand } from '../worker/command.js';
import type { CommandSpec, FlagSpecs } from './command-spec.js';

/**
 * Every command of `telaio`, by name, in the order `telaio --help` lists them. Each entry is the
 * command's own declaration (small: its handler is loaded only when it runs); the parser, the help
 * and the usage errors derive from it.
 */
export const COMMANDS: Readonly<Record<string, CommandSpec<FlagSpecs>>> = Object.fromEntries(
  [
    register(validateCommand),
    register(runCommand),
    register(testCommand),
    register(listCommand),
    register(graphCommand),
    register(mcpCommand),
    register(sandboxCommand),
    register(workerCommand),
    register(submitCommand),
    register(statusCommand),
    register(resolveCommand),
    register(cancelCommand),
  ].map((spec) => [spec.name, spec]),
);

/**
 * A command as the registry holds it, its flag types erased: sound, since executeCommand parses the
 * arguments against the same spec whose handler then receives them.
 */
function register<F extends FlagSpecs>(spec: CommandSpec<F>): CommandSpec<FlagSpecs> {
  return spec as unknown as CommandSpec<FlagSpecs>;
}
