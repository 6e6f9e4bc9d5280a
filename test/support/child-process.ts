import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/** What a child process wrote: stdout and stderr apart, and both interleaved as a terminal shows them. */
export interface ProcessOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly output: string;
}

/** Collects what `child` writes from now on; the answer grows as it writes. */
export function captureOutput(child: ChildProcess): ProcessOutput {
  const written = { stdout: '', stderr: '', output: '' };
  child.stdout!.on('data', (chunk) => {
    written.stdout += chunk;
    written.output += chunk;
  });
  child.stderr!.on('data', (chunk) => {
    written.stderr += chunk;
    written.output += chunk;
  });
  return written;
}

/** Runs a program without input to its end; returns its exit code and what it wrote. */
export async function runToExit(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<{ readonly code: number | null } & ProcessOutput> {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const written = captureOutput(child);
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, ...written };
}
