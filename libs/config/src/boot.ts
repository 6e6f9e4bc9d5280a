import { createServer } from 'node:net';
import { ConfigError, loadConfig, type AppConfig } from './config.js';

/**
 * What a process says when it cannot start, as one line on stderr and exit code 1: a stack trace
 * helps nobody who set PORT wrong or started the platform twice.
 */
export class BootRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BootRefused';
  }
}

/** Prints the refusal alone and exits 1; anything else is a real crash and keeps its stack. */
export function exitOnBootRefusal(error: unknown): never {
  if (error instanceof BootRefused || error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}

export function configOrExit(env: Readonly<Record<string, string | undefined>> = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    return exitOnBootRefusal(error);
  }
}

/**
 * Fails before the process opens its stores when another program already listens on the port,
 * so a second `npm start` leaves nothing half started. The listen itself still reports a port taken
 * in between (see `portInUse`).
 */
export async function ensurePortFree(host: string, port: number, variable: string): Promise<void> {
  const probe = createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen({ host, port, exclusive: true }, () => resolve());
    });
  } catch (error) {
    throw portInUse(error, host, port, variable) ?? error;
  } finally {
    await new Promise<void>((resolve) => (probe.listening ? probe.close(() => resolve()) : resolve()));
  }
}

/** The refusal for a listen error that means "taken" or "not allowed", else null. */
export function portInUse(error: unknown, host: string, port: number, variable: string): BootRefused | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EADDRINUSE') {
    return new BootRefused(
      `Port ${port} on ${host} is already in use by another process; stop it, or set ${variable} to a free port.`,
    );
  }
  if (code === 'EACCES')
    return new BootRefused(`Port ${port} on ${host} needs privileges; set ${variable} above 1023.`);
  if (code === 'EADDRNOTAVAIL') return new BootRefused(`HOST ${host} is not an address of this machine.`);
  return null;
}

/**
 * Closes the application on SIGINT/SIGTERM, then runs `after` (releasing the data directory) and
 * ends with the same signal, as Nest's shutdown hooks do; Nest's own hooks cannot run code after
 * every module has closed, and the data directory must stay claimed until PGlite is shut.
 */
export function stopOnSignals(close: () => Promise<void>, after: () => void): void {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
  const handler = (signal: NodeJS.Signals) => {
    for (const s of signals) process.removeListener(s, handler);
    close()
      .catch((error: unknown) => process.stderr.write(`Shutdown failed: ${String(error)}\n`))
      .finally(() => {
        after();
        process.kill(process.pid, signal);
      });
  };
  for (const signal of signals) process.on(signal, handler);
}

/** Listens, turning "port taken" (lost to another process since `ensurePortFree`) into its one line. */
export async function listenOrRefuse(
  app: { listen(port: number, host: string): Promise<unknown>; close(): Promise<void> },
  host: string,
  port: number,
  variable: string,
): Promise<void> {
  try {
    await app.listen(port, host);
  } catch (error) {
    const refusal = portInUse(error, host, port, variable);
    if (!refusal) throw error;
    await app.close();
    throw refusal;
  }
}
