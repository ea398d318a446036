/**
 * The example is what `node examples/order-events/run.js` (or `pnpm start` in its folder) runs: the
 * local shop (HTTP API + embedded aedes broker) and the workflow through the built telaio CLI,
 * end to end. Spawns the built packages (`pnpm test` builds first).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));

function runExample(
  args: readonly string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(here, 'run.js'), ...args], {
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('examples/order-events/run.js', () => {
  it('places an order over HTTP, takes its paid event on MQTT by correlation id, confirms it over HTTP and publishes the shipping request', async () => {
    const run = await runExample(['--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as {
      status: string;
      outputs: Record<string, string>;
      steps: { stepId: string; status: string; action?: string }[];
    };
    expect(report.status).toBe('success');
    expect(report.outputs.orderId).toMatch(/^o-[0-9a-f]{8}$/);
    expect(report.outputs.status).toBe('paid');
    expect(report.outputs.state).toBe('confirmed');
    expect(Date.parse(report.outputs.paidAt ?? '')).not.toBeNaN();
    expect(report.steps.map((s) => `${s.stepId}:${s.status}:${s.action ?? 'http'}`)).toEqual([
      'placeOrder:success:http',
      'awaitPayment:success:receive',
      'confirmOrder:success:http',
      'requestShipping:success:send',
    ]);
  }, 30_000);
});
