import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { freePort } from './api-process.js';
import { captureOutput } from './child-process.js';

const MAIN = 'dist/apps/projector/src/main.js';

/** Starts the built standalone projector (`apps/projector`) with the given environment. */
export async function startProjector(
  env: Record<string, string>,
): Promise<{ process: ChildProcess; output: () => string; port: number; origin: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      LOG_LEVEL: 'warn',
      ...env,
      PROJECTOR_HEALTH_PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const written = captureOutput(child);
  return { process: child, output: () => written.output, port, origin: `http://127.0.0.1:${port}` };
}

export async function kill(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  await once(child, 'exit');
}
