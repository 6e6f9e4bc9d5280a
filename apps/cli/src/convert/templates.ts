import { v5 as uuidv5 } from 'uuid';

/** Namespace of the command ids a conversion derives, so converting the same sheet again gives the same ids. */
const CONVERSION_NAMESPACE = 'b7e0c1d2-4f3a-4c5b-9e8d-2a1f0c3b4d5e';

/** One NDJSON line of an import (POST /imports). */
export interface ImportLine {
  readonly mutation: string;
  readonly input: Record<string, unknown>;
}

/** What a row becomes: a command, nothing (an absent carer), or why it cannot be converted. */
export type RowOutcome =
  { readonly line: ImportLine } | { readonly skipped: string } | { readonly problems: readonly string[] };

export interface Template {
  readonly name: string;
  readonly description: string;
  /** The header of the template file, in order; `answer_<n>` columns repeat in survey-answers. */
  readonly columns: readonly string[];
  readonly required: readonly string[];
  /** `occurrence` counts the identical rows before this one (0 for the first), see derivedCommandId. */
  convert(row: Readonly<Record<string, string>>, occurrence: number): RowOutcome;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Collects a row's problems while reading its cells, so one pass reports all of them. */
class RowReader {
  readonly problems: string[] = [];

  constructor(
    private readonly row: Readonly<Record<string, string>>,
    private readonly occurrence: number,
  ) {}

  text(column: string): string {
    const value = (this.row[column] ?? '').trim();
    if (value === '') this.problems.push(`${column} is empty`);
    return value;
  }

  optional(column: string): string | null {
    const value = (this.row[column] ?? '').trim();
    return value === '' ? null : value;
  }

  id(column: string): string {
    const value = this.text(column);
    if (value !== '' && !UUID.test(value)) this.problems.push(`${column} must be an id as the API gives it (a UUID)`);
    return value;
  }

  integer(column: string, min: number): number {
    const value = this.text(column);
    if (value !== '' && (!/^\d+$/.test(value) || Number(value) < min))
      this.problems.push(`${column} must be a whole number from ${min}`);
    return Number(value);
  }

  oneOf<T extends string>(column: string, values: Readonly<Record<string, T>>): T {
    const value = this.text(column).toLowerCase();
    const known = values[value];
    if (value !== '' && known === undefined)
      this.problems.push(`${column} must be ${[...new Set(Object.values(values))].join(' or ')}, not ${value}`);
    return known!;
  }

  /** The command's own fields: occurredAt, and commandId (given, or derived from the row). */
  commandFields(template: string): Record<string, string> {
    const occurredAt = this.optional('occurred_at');
    if (occurredAt !== null && !DATE_TIME.test(occurredAt))
      this.problems.push('occurred_at must be an ISO 8601 date-time with its zone, e.g. 2025-03-01T15:00:00Z');
    const commandId = this.optional('command_id');
    if (commandId !== null && !UUID.test(commandId)) this.problems.push('command_id must be a UUID');
    return {
      commandId: commandId ?? derivedCommandId(template, this.row, this.occurrence),
      ...(occurredAt !== null ? { occurredAt } : {}),
    };
  }
}

/**
 * A command id derived from the row's own values: converting the same sheet again gives the same
 * ids, so importing it twice writes nothing new. Identical rows (two anonymous respondents who
 * answered alike) are told apart by their order, so each is its own record.
 */
export function derivedCommandId(template: string, row: Readonly<Record<string, string>>, occurrence = 0): string {
  const values = Object.keys(row)
    .filter((column) => column !== 'command_id')
    .sort()
    .map((column) => `${column}=${(row[column] ?? '').trim()}`);
  return uuidv5(`${template}\n${values.join('\n')}\n#${occurrence}`, CONVERSION_NAMESPACE);
}

const outcome = (reader: RowReader, line: () => ImportLine): RowOutcome =>
  reader.problems.length > 0 ? { problems: reader.problems } : { line: line() };

const PRESENCE: Readonly<Record<string, 'present' | 'absent'>> = {
  present: 'present',
  yes: 'present',
  y: 'present',
  true: 'present',
  '1': 'present',
  x: 'present',
  absent: 'absent',
  no: 'absent',
  n: 'absent',
  false: 'absent',
  '0': 'absent',
};

const attendance: Template = {
  name: 'attendance',
  description:
    'An attendance sheet: one row per carer expected at a held activity; present rows become recordCarerAttendance.',
  columns: ['activity_id', 'carer_id', 'present', 'occurred_at', 'command_id'],
  required: ['activity_id', 'carer_id', 'present'],
  convert(row, occurrence) {
    const reader = new RowReader(row, occurrence);
    const activityId = reader.id('activity_id');
    const carerId = reader.id('carer_id');
    const presence = reader.oneOf('present', PRESENCE);
    const fields = reader.commandFields('attendance');
    // Absence is recorded by recording no attendance: the carer's registration says they were expected.
    if (reader.problems.length === 0 && presence === 'absent') return { skipped: 'absent' };
    return outcome(reader, () => ({ mutation: 'recordCarerAttendance', input: { activityId, carerId, ...fields } }));
  },
};

const ANSWER = /^answer_(\d+)$/;

const surveyAnswers: Template = {
  name: 'survey-answers',
  description:
    'Satisfaction survey answers to a held activity on a registered instrument: one row per response, one answer_<n> column per item (n from 1), carer_id empty for an anonymous response.',
  columns: [
    'activity_id',
    'instrument_id',
    'carer_id',
    'answer_1',
    'answer_2',
    'answer_3',
    'occurred_at',
    'command_id',
  ],
  required: ['activity_id', 'instrument_id', 'answer_1'],
  convert(row, occurrence) {
    const reader = new RowReader(row, occurrence);
    const activityId = reader.id('activity_id');
    const instrumentId = reader.id('instrument_id');
    const carerId = reader.optional('carer_id');
    if (carerId !== null && !UUID.test(carerId)) reader.problems.push('carer_id must be empty or a UUID');
    const columns = Object.keys(row)
      .map((column) => ({ column, item: ANSWER.exec(column)?.[1] }))
      .filter((entry): entry is { column: string; item: string } => entry.item !== undefined)
      .sort((a, b) => Number(a.item) - Number(b.item));
    // Columns of items beyond the instrument's last are left empty; answers inside it may not be.
    const lastAnswered = columns.reduce((last, entry, index) => (reader.optional(entry.column) ? index : last), -1);
    const answers = columns.slice(0, lastAnswered + 1).map((entry) => reader.integer(entry.column, 0));
    if (lastAnswered < 0) reader.problems.push('answer_1 is empty');
    const fields = reader.commandFields('survey-answers');
    return outcome(reader, () => ({
      mutation: 'recordSatisfactionResponse',
      input: { activityId, instrumentId, carerId, answers, ...fields },
    }));
  },
};

const PHASES: Readonly<Record<string, 'before' | 'after'>> = {
  before: 'before',
  pre: 'before',
  after: 'after',
  post: 'after',
};

const quizResults: Template = {
  name: 'quiz-results',
  description: "A carer's understanding quiz before or after a training course: one row per quiz taken.",
  columns: ['activity_id', 'carer_id', 'phase', 'questions_asked', 'correct_answers', 'occurred_at', 'command_id'],
  required: ['activity_id', 'carer_id', 'phase', 'questions_asked', 'correct_answers'],
  convert(row, occurrence) {
    const reader = new RowReader(row, occurrence);
    const activityId = reader.id('activity_id');
    const carerId = reader.id('carer_id');
    const phase = reader.oneOf('phase', PHASES);
    const questionsAsked = reader.integer('questions_asked', 1);
    const correctAnswers = reader.integer('correct_answers', 0);
    if (reader.problems.length === 0 && correctAnswers > questionsAsked)
      reader.problems.push('correct_answers cannot exceed questions_asked');
    const fields = reader.commandFields('quiz-results');
    return outcome(reader, () => ({
      mutation: 'recordUnderstandingQuiz',
      input: { activityId, carerId, phase, questionsAsked, correctAnswers, ...fields },
    }));
  },
};

export const TEMPLATES: Readonly<Record<string, Template>> = {
  attendance,
  'survey-answers': surveyAnswers,
  'quiz-results': quizResults,
};
