/**
 * Runs the built `telaio` binary for the hostile-input suite, with a bound: a run still going after
 * `boundMs` is killed and reported as `hung`, so a regression fails its test instead of hanging
 * the suite.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../../packages/cli/bin/telaio.js', import.meta.url));

/** What a bounded `telaio` run printed and returned. */
export interface BoundedRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** True when the process was still running at the bound and was killed. */
  readonly hung: boolean;
}

/** Spawn `telaio ARGS` (stdin closed, no colours) and kill it after `boundMs`. */
export function runTelaio(args: readonly string[], boundMs = 15_000): Promise<BoundedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let hung = false;
    const timer = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, boundMs);
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, hung });
    });
    child.stdin.end();
  });
}
