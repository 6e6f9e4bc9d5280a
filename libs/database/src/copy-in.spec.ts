import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { copyText, type CopyColumns } from './copy-text.js';
import { isPostgresError, type SqlDatabase } from './database.js';
import { testDatabases, type TestDatabase } from './testing/index.js';

const COLUMNS: CopyColumns = [
  ['id', 'integer'],
  ['event_id', 'uuid'],
  ['pos', 'numeric'],
  ['label', 'text'],
  ['at', 'timestamptz'],
  ['amount', 'double precision'],
  ['flag', 'boolean'],
  ['people', 'jsonb'],
];
const DEFINITION = COLUMNS.map(([name, type]) => `${name} ${type}`).join(', ');
const NAMES = COLUMNS.map(([name]) => name);

/** Values a writer meets: text COPY reads specially, empties, non-finite numbers, objects, dates. */
const ROWS = [
  {
    id: 1,
    event_id: '0b0f4c55-3a8e-4a53-9d0e-5c4c9f1d2a01',
    pos: '18446744073709551615',
    label: 'tab\there, newline\nthere, cr\r, backslash \\ and \\N',
    at: '2025-03-01T10:00:00.000Z',
    amount: 0.1,
    flag: true,
    people: [{ role: 'carer', note: 'line\nbreak \\ "quoted"\t' }],
  },
  { id: 2, event_id: '0b0f4c55-3a8e-4a53-9d0e-5c4c9f1d2a02', pos: '0', label: '', at: null, amount: NaN, flag: false },
  {
    id: 3,
    event_id: '0b0f4c55-3a8e-4a53-9d0e-5c4c9f1d2a03',
    pos: '7',
    label: 'Zoë – 日本',
    at: new Date('2024-01-08T00:00:00.000Z'),
    amount: -1e-7,
    flag: null,
    people: 'a string as JSON',
  },
];

describe.each(testDatabases('copy_in'))('copyIn on %s', (_engine, open) => {
  let test: TestDatabase;
  let database: SqlDatabase;

  beforeAll(async () => {
    test = await open();
    database = test.database;
    await database.exec(`create table copied (${DEFINITION}, primary key (event_id));
      create table as_json (${DEFINITION})`);
  });
  afterAll(() => test.dispose());

  const read = (table: string) => database.query(`select * from ${table} order by id`);

  it('lands each row as json_to_recordset reads the same row sent as JSON', async () => {
    await database.transaction((tx) => tx.copyIn('copied', NAMES, copyText(ROWS, COLUMNS)));
    await database.query(`insert into as_json select * from json_to_recordset($1::json) as r(${DEFINITION})`, [
      JSON.stringify(ROWS),
    ]);
    const copied = await read('copied');
    expect(copied).toEqual(await read('as_json'));
    expect(copied).toHaveLength(3);
    expect(copied[0]).toMatchObject({ label: ROWS[0]!.label, people: ROWS[0]!.people, flag: true });
    expect(copied[1]).toMatchObject({ label: '', at: null, amount: null, people: null });
  });

  it('fails a COPY that breaks a key as a whole, which a savepoint recovers from', async () => {
    const duplicate = copyText(
      [
        { ...ROWS[0], id: 9 },
        { ...ROWS[0], id: 10, event_id: ROWS[2]!.event_id },
      ],
      COLUMNS,
    );
    const fresh = copyText([{ ...ROWS[1], id: 11, event_id: '0b0f4c55-3a8e-4a53-9d0e-5c4c9f1d2a11' }], COLUMNS);
    let code: string | undefined;
    await database.transaction(async (tx) => {
      await tx.exec('savepoint attempt');
      await tx.copyIn('copied', NAMES, duplicate).catch(async (error: unknown) => {
        code = isPostgresError(error) ? error.code : undefined;
        await tx.exec('rollback to savepoint attempt');
      });
      await tx.copyIn('copied', NAMES, fresh);
    });
    expect(code).toBe('23505');
    expect((await read('copied')).map((row) => row['id'])).toEqual([1, 2, 3, 11]);
  });

  it('copies outside a transaction too', async () => {
    await database.copyIn('copied', ['id', 'event_id', 'pos'], '12\t0b0f4c55-3a8e-4a53-9d0e-5c4c9f1d2a12\t1\n');
    expect((await read('copied')).map((row) => row['id'])).toEqual([1, 2, 3, 11, 12]);
  });
});

describe('copyText', () => {
  it('writes nothing for no rows, and one line a row otherwise', () => {
    expect(copyText([], COLUMNS)).toBe('');
    expect(copyText([{ id: 1 }, { id: 2 }], [['id', 'integer']])).toBe('1\n2\n');
  });
});
