import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { convertCsv } from './convert.js';
import { CsvError, parseCsv } from './csv.js';
import { derivedCommandId, TEMPLATES } from './templates.js';

const TEMPLATE_DIR = join(import.meta.dirname, '../../templates');
const templateFile = (name: string) => readFileSync(join(TEMPLATE_DIR, `${name}.csv`), 'utf8');
const ACTIVITY = '5b7c2f0e-8d1a-4e2b-9c3d-1a2b3c4d5e6f';
const CARER = '0f1e2d3c-4b5a-4968-8776-655443322110';
const INSTRUMENT = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

describe('parseCsv: CSV as spreadsheets write it', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF endings and a byte order mark', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n"two\nlines",\r\n\r\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 3, cells: ['two\nlines', ''] },
    ]);
  });

  it('refuses a quote never closed', () => {
    expect(() => parseCsv('a\n"open')).toThrow(CsvError);
  });
});

describe('CSV templates → import lines', () => {
  it('every template file has the header its converter reads and one example row that converts', () => {
    for (const template of Object.values(TEMPLATES)) {
      const [header, ...rows] = parseCsv(templateFile(template.name));
      expect(header!.cells).toEqual(template.columns);
      expect(rows).toHaveLength(1);
      const conversion = convertCsv(template, templateFile(template.name));
      expect(conversion.problems).toEqual([]);
      expect(conversion.lines).toHaveLength(1);
    }
  });

  describe('attendance', () => {
    const template = TEMPLATES.attendance!;

    it('turns present rows into recordCarerAttendance and skips the absent', () => {
      const csv = [
        'activity_id,carer_id,present,occurred_at,command_id',
        `${ACTIVITY},${CARER},Yes,2025-03-01T17:00:00Z,`,
        `${ACTIVITY},1e2d3c4b-5a69-4877-8665-544332211000,absent,,`,
        `${ACTIVITY},2d3c4b5a-6978-4866-9554-433221100fff,x,,3c4b5a69-7887-4665-a443-3221100fffee`,
      ].join('\n');

      const { lines, skipped, problems } = convertCsv(template, csv);

      expect(problems).toEqual([]);
      expect(skipped).toEqual([{ row: 3, why: 'absent' }]);
      expect(lines).toEqual([
        {
          mutation: 'recordCarerAttendance',
          input: {
            activityId: ACTIVITY,
            carerId: CARER,
            commandId: derivedCommandId('attendance', {
              activity_id: ACTIVITY,
              carer_id: CARER,
              present: 'Yes',
              occurred_at: '2025-03-01T17:00:00Z',
              command_id: '',
            }),
            occurredAt: '2025-03-01T17:00:00Z',
          },
        },
        {
          mutation: 'recordCarerAttendance',
          input: {
            activityId: ACTIVITY,
            carerId: '2d3c4b5a-6978-4866-9554-433221100fff',
            commandId: '3c4b5a69-7887-4665-a443-3221100fffee',
          },
        },
      ]);
    });

    it('gives the same sheet the same command ids, so importing it twice writes nothing new', () => {
      const csv = templateFile('attendance');
      expect(convertCsv(template, csv).lines).toEqual(convertCsv(template, csv).lines);
    });

    it('reports every problem of every row, by its line', () => {
      const csv = [
        'activity_id,carer_id,present,occurred_at,command_id',
        `${ACTIVITY},Carer 7,maybe,1 March,`,
        `,${CARER},yes,,not-an-id`,
      ].join('\n');
      expect(convertCsv(template, csv).problems).toEqual([
        {
          row: 2,
          problems: [
            'carer_id must be an id as the API gives it (a UUID)',
            'present must be absent or present, not maybe',
            expect.stringContaining('occurred_at must be an ISO 8601 date-time'),
          ],
        },
        { row: 3, problems: ['activity_id is empty', 'command_id must be a UUID'] },
      ]);
    });

    it('refuses a header without a required column or with an unknown one', () => {
      expect(convertCsv(template, 'activity_id,carer,present\n').problems).toEqual([
        {
          row: 1,
          problems: [
            'the header has no carer_id column',
            expect.stringContaining('the header has an unknown column carer'),
          ],
        },
      ]);
    });
  });

  describe('survey answers', () => {
    const template = TEMPLATES['survey-answers']!;

    it('reads the answer columns in item order, an empty carer as an anonymous response', () => {
      const csv = [
        'activity_id,instrument_id,carer_id,answer_2,answer_1,answer_3,answer_4',
        `${ACTIVITY},${INSTRUMENT},,5,4,3,`,
        `${ACTIVITY},${INSTRUMENT},${CARER},2,1,5,4`,
      ].join('\n');

      const { lines, problems } = convertCsv(template, csv);

      expect(problems).toEqual([]);
      expect(lines.map((line) => [line.mutation, line.input.carerId, line.input.answers])).toEqual([
        ['recordSatisfactionResponse', null, [4, 5, 3]],
        ['recordSatisfactionResponse', CARER, [1, 2, 5, 4]],
      ]);
    });

    it('tells two identical anonymous responses apart: each is its own record', () => {
      const row = `${ACTIVITY},${INSTRUMENT},,5,5,5`;
      const csv = ['activity_id,instrument_id,carer_id,answer_1,answer_2,answer_3', row, row].join('\n');
      const [first, second] = convertCsv(template, csv).lines;
      expect(first!.input.commandId).not.toBe(second!.input.commandId);
    });

    it('refuses a missing answer inside the instrument and an answer that is no whole number', () => {
      const csv = [
        'activity_id,instrument_id,carer_id,answer_1,answer_2,answer_3',
        `${ACTIVITY},${INSTRUMENT},,4,,3`,
        `${ACTIVITY},${INSTRUMENT},,4.5,2,`,
        `${ACTIVITY},${INSTRUMENT},,,,`,
      ].join('\n');
      expect(convertCsv(template, csv).problems).toEqual([
        { row: 2, problems: ['answer_2 is empty'] },
        { row: 3, problems: ['answer_1 must be a whole number from 0'] },
        { row: 4, problems: ['answer_1 is empty'] },
      ]);
    });
  });

  describe('quiz results', () => {
    const template = TEMPLATES['quiz-results']!;

    it('turns each row into recordUnderstandingQuiz, reading pre/post as before/after', () => {
      const csv = [
        'activity_id,carer_id,phase,questions_asked,correct_answers,occurred_at',
        `${ACTIVITY},${CARER},pre,10,4,2025-03-01T15:00:00Z`,
        `${ACTIVITY},${CARER},After,10,9,2025-03-01T17:00:00Z`,
      ].join('\n');

      const { lines, problems } = convertCsv(template, csv);

      expect(problems).toEqual([]);
      expect(lines.map((line) => line.input)).toEqual([
        expect.objectContaining({ phase: 'before', questionsAsked: 10, correctAnswers: 4, carerId: CARER }),
        expect.objectContaining({ phase: 'after', questionsAsked: 10, correctAnswers: 9 }),
      ]);
      expect(lines.every((line) => line.mutation === 'recordUnderstandingQuiz')).toBe(true);
    });

    it('refuses more correct answers than questions, and a phase it does not know', () => {
      const csv = [
        'activity_id,carer_id,phase,questions_asked,correct_answers',
        `${ACTIVITY},${CARER},after,5,6`,
        `${ACTIVITY},${CARER},during,0,0`,
      ].join('\n');
      expect(convertCsv(template, csv).problems).toEqual([
        { row: 2, problems: ['correct_answers cannot exceed questions_asked'] },
        {
          row: 3,
          problems: ['phase must be before or after, not during', 'questions_asked must be a whole number from 1'],
        },
      ]);
    });
  });
});
