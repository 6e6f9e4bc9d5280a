import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { PgliteDatabase } from './pglite-database.js';

describe('PgliteDatabase on a data directory', () => {
  const made: string[] = [];
  const newDirectory = () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'pglite-open-')), 'cluster');
    made.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(join(dir, '..'), { recursive: true, force: true });
  });

  it('starts a new directory as an empty cluster, and keeps what was written across a reopen', async () => {
    const dir = newDirectory();
    const first = await PgliteDatabase.open(dir);
    expect(existsSync(join(dir, 'PG_VERSION'))).toBe(true);
    // Its memory settings are the embedded default's, not PostgreSQL's server defaults.
    expect(await first.query('show shared_buffers')).toEqual([{ shared_buffers: '16MB' }]);
    expect(await first.query('show maintenance_work_mem')).toEqual([{ maintenance_work_mem: '8MB' }]);
    expect(await first.query(`select count(*)::int as n from pg_tables where schemaname = 'public'`)).toEqual([
      { n: 0 },
    ]);
    await first.exec(`create table kept (note text); insert into kept values ('written before the restart')`);
    await first.close();

    // A directory that holds a cluster is opened as it is, never started again from the empty image.
    const reopened = await PgliteDatabase.open(dir);
    expect(await reopened.query('select note from kept')).toEqual([{ note: 'written before the restart' }]);
    await reopened.close();
  });
});
