import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { DataDirectoryInUse, embeddedDataDirectory, LOCK_FILE, lockDataDirectory } from './data-directory-lock.js';

const dirs: string[] = [];
const children: ChildProcess[] = [];
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lock-'));
  dirs.push(dir);
  return dir;
}
/** Another Node process that stays alive until killed. */
function otherNodeProcess(): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  children.push(child);
  return child;
}
afterEach(() => children.splice(0).forEach((child) => child.kill('SIGKILL')));
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('data directory lock', () => {
  it('claims a free directory with this process id and releases it', () => {
    const dir = freshDir();
    const lock = lockDataDirectory(dir);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('refuses a directory held by another running process, naming it, and leaves its lock alone', () => {
    const dir = freshDir();
    const holder = otherNodeProcess();
    writeFileSync(join(dir, LOCK_FILE), `${holder.pid}\n`);
    let refusal: unknown;
    try {
      lockDataDirectory(dir);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DataDirectoryInUse);
    expect((refusal as Error).message).toBe(
      `Data directory ${dir} is in use by process ${holder.pid}; stop it first ` +
        '(PGlite lets one process at a time open a data directory), or use another DATA_DIR.',
    );
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(holder.pid));
  });

  it('takes over a lock left by a process that has died', async () => {
    const dir = freshDir();
    const dead = otherNodeProcess();
    dead.kill('SIGKILL');
    await once(dead, 'exit');
    writeFileSync(join(dir, LOCK_FILE), `${dead.pid}\n`);
    const lock = lockDataDirectory(dir);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    lock.release();
  });

  it('takes over a lock whose process id now belongs to a program that is not Node', () => {
    const dir = freshDir();
    const shell = spawn('sleep', ['30'], { stdio: 'ignore' });
    children.push(shell);
    writeFileSync(join(dir, LOCK_FILE), `${shell.pid}\n`);
    const lock = lockDataDirectory(dir);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    lock.release();
  });

  it('does not remove a lock another process has taken since', () => {
    const dir = freshDir();
    const lock = lockDataDirectory(dir);
    const holder = otherNodeProcess();
    writeFileSync(join(dir, LOCK_FILE), `${holder.pid}\n`);
    lock.release();
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(holder.pid));
  });

  it('locks only configurations that open PGlite', () => {
    const pglite = { kind: 'pglite' };
    const postgres = { kind: 'postgres' };
    expect(embeddedDataDirectory({ eventStore: pglite, readModels: pglite, dataDir: './data' })).toBe('./data');
    expect(embeddedDataDirectory({ eventStore: { kind: 'kurrentdb' }, readModels: pglite, dataDir: './d' })).toBe(
      './d',
    );
    expect(embeddedDataDirectory({ eventStore: postgres, readModels: postgres, dataDir: './data' })).toBeNull();
  });
});
