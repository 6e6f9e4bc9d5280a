import type { IndicatorDefinition } from './indicator-definition.js';
import { BUCKET, carersInPeriod, countRatio, countRows, IN_PERIODS, tallied } from './indicator-sql.js';

/** The engagement signal's indicators of carers' feedback and learning: survey responses and quizzes. */
export const ENGAGEMENT_FEEDBACK_INDICATORS: readonly IndicatorDefinition[] = [
  {
    key: 'feedbackResponse',
    label: 'Feedback response rate',
    home: 'engagement',
    formula: 'min(1, satisfaction survey responses / carer attendances), in the window',
    numerator: 'satisfaction survey responses in the window (anonymous included)',
    denominator: 'carer attendances in the window',
    rule: 'capped',
    uses: [],
    compute: countRatio(
      ['survey_answered', 'carer_attended'],
      `x.kind = 'survey_answered'`,
      `x.kind = 'carer_attended'`,
    ),
    carers: carersInPeriod(['survey_answered', 'carer_attended']),
  },
  {
    key: 'satisfaction',
    label: 'Satisfaction',
    home: 'engagement',
    formula:
      'mean normalised score of the survey responses in the window; a response scores mean(answer / scale max) over its items',
    numerator: 'sum of the responses’ normalised scores',
    denominator: 'survey responses in the window',
    rule: 'ratio',
    uses: [],
    compute: tallied({
      kinds: ['survey_answered'],
      numerator: { sum: 'x.amount' },
      denominator: { count: 'x.amount' },
    }),
    carers: carersInPeriod(['survey_answered'], 'x.amount is not null'),
  },
  {
    key: 'understanding',
    label: 'Understanding (post-course quiz)',
    home: 'engagement',
    formula: 'correct answers / questions asked, over the after-course quizzes in the window',
    numerator: 'correct answers in after-course quizzes',
    denominator: 'questions asked in after-course quizzes in the window',
    rule: 'ratio',
    uses: [],
    compute: tallied({
      kinds: ['quiz_answered'],
      where: `x.category = 'after'`,
      numerator: { sum: 'x.amount' },
      denominator: { sum: 'x.total' },
    }),
    carers: carersInPeriod(['quiz_answered'], `x.category = 'after'`),
  },
  {
    key: 'understandingGain',
    label: 'Understanding gain (normalised)',
    home: 'engagement',
    formula:
      'clamp₀¹(Σ (post − pre) / Σ (1 − pre)) over carers with both quizzes of a course, after-quiz in the window; pre/post = correct / asked',
    numerator: 'sum of score gains (post − pre), may be negative',
    denominator: 'sum of room to improve (1 − pre)',
    rule: 'clamped',
    uses: [],
    compute: countRows(
      ['quiz_answered'],
      `, pairs as (
         select min(occurred_at) filter (where category = 'after') as after_at,
                max(amount / total) filter (where category = 'after') as post,
                max(amount / total) filter (where category = 'before') as pre
         from facts where total > 0 and carer_id is not null
         group by project_id, subject_id, carer_id
       )
       select q.i, sum(q.post - q.pre)::float8 as num, sum(1 - q.pre)::float8 as den
       from (select ${BUCKET('after_at')} as i, * from pairs where after_at is not null and pre is not null) q
       where ${IN_PERIODS('q')}
       group by q.i`,
    ),
    carers: {
      kinds: ['quiz_answered'],
      sql: `select q.i, q.carer_id as carer
            from (
              select ${BUCKET('after_at')} as i, carer_id
              from (
                select carer_id, min(occurred_at) filter (where category = 'after') as after_at,
                       max(amount / total) filter (where category = 'before') as pre
                from facts where kind = 'quiz_answered' and total > 0 and carer_id is not null
                group by project_id, subject_id, carer_id
              ) pairs
              where after_at is not null and pre is not null
            ) q
            where ${IN_PERIODS('q')}`,
    },
  },
];
