import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { validateXML } from 'xmllint-wasm';
import { ADMIN, as, COORDINATOR } from './support/auth.js';
import { mutateOk } from './support/operations.js';
import { heldCourseOf5March, launchProject } from './support/project.js';
import { suiteApi } from './support/suite-api.js';
import { unzip } from './support/zip.js';

const RESEARCHER = as('researcher-7;researcher;org-university');
const CARER_NAME = 'Ada Exportable-Name';
const CARER_EMAIL = 'ada.exportable@example.org';
/** Five carers' quizzes by 10 March, a sixth carer's on 20 March (the differencing example, docs/security.md). */
const BEFORE = '2025-03-10T00:00:00.000Z';
const AFTER = '2025-03-25T00:00:00.000Z';
const SCORES = [6, 8, 5, 9, 7, 7];
const SERIES = 'from=2025-03-01T00:00:00Z&to=2025-05-01T00:00:00Z';

interface Exported {
  readonly status: number;
  readonly type: string | null;
  readonly disposition: string | null;
  readonly body: Buffer;
  readonly text: string;
  readonly json: () => { error: { code: string; reason?: string; details?: Record<string, unknown> } };
}

/** A minimal CSV reader for what csv-stringify writes (quoted fields may hold commas, quotes and newlines). */
function parseCsv(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  const endField = () => {
    record.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      endField();
    } else if (!quoted && c === '\n') {
      endField();
      records.push(record);
      record = [];
    } else {
      field += c;
    }
  }
  if (field !== '' || record.length > 0) {
    endField();
    records.push(record);
  }
  const [header, ...rows] = records;
  return rows.map((row) => Object.fromEntries(header!.map((name, index) => [name, row[index] ?? ''])));
}

const header = (csv: string) => csv.slice(0, csv.indexOf('\n')).split(',');

const xsd = (name: string) => ({
  fileName: name,
  contents: readFileSync(new URL(`../apps/api/src/exports/refi-qda/schema/${name}`, import.meta.url), 'utf8'),
});

async function valid(xml: string, schema: string) {
  const result = await validateXML({ xml: { fileName: 'export.xml', contents: xml }, schema: xsd(schema) });
  return { valid: result.valid, errors: result.errors.map((error) => error.message) };
}

/**
 * One API for every export test: a project with six carers at a course in March (their quizzes
 * before and after 10 March), two at a peer meeting in April (a small group), one carer with
 * identifying data who is then erased, an interview coded with a quote, a decision.
 */
describe('exports', () => {
  const projectId = randomUUID();
  let last = '';
  let erasedPseudonym = '';
  let knownBeforeSixth = '';
  const carerIds: string[] = [];
  const mutate = async (name: string, input: Record<string, unknown>, headers = COORDINATOR) => {
    const written = await mutateOk(api, name, input, headers);
    last = written.position;
    return written;
  };
  const api = suiteApi('exports', {
    timeout: 120_000,
    setUp: async () => {
      await mutate(
        'registerOrganisation',
        { organisationId: 'org-university', name: 'University', kind: 'university' },
        ADMIN,
      );
      await launchProject(api, projectId);
      await mutate('joinPartnership', { projectId, organisationId: 'org-university', partnerRole: 'research_partner' });
      const course = await heldCourseOf5March(mutate, projectId);
      const meeting = await mutate('scheduleActivity', {
        projectId,
        kind: 'peer_meeting',
        topic: 'Sharing the load',
        place: 'Library',
        scheduledFor: '2025-04-04T15:00:00.000Z',
        organisingOrganisationId: 'org-home-care',
        occurredAt: '2025-03-20T09:00:00.000Z',
      });
      await mutate('holdActivity', {
        activityId: meeting.id,
        startedAt: '2025-04-04T15:00:00.000Z',
        durationMinutes: 60,
        audioRecorded: false,
        occurredAt: '2025-04-04T15:00:00.000Z',
      });
      for (const [index, correctAnswers] of SCORES.entries()) {
        if (index === SCORES.length - 1) {
          // What the platform knew before the sixth carer was entered.
          await new Promise((resolve) => setTimeout(resolve, 20));
          knownBeforeSixth = new Date().toISOString();
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        const registered = await mutate('registerCarer', {
          projectId,
          pseudonym: `Carer ${index + 1}`,
          registeredByOrganisationId: 'org-home-care',
          gender: 'female',
          ageBand: 'aged_55_64',
          stressLevel: 'medium',
          relationship: 'child',
          ...(index === 0 ? { personalData: { fullName: CARER_NAME, email: CARER_EMAIL } } : {}),
          occurredAt: '2025-02-01T09:00:00.000Z',
        });
        const carerId = registered.id;
        carerIds.push(carerId);
        const invitation = await mutate('inviteCarer', {
          carerId,
          channel: 'provider',
          invitedByOrganisationId: 'org-home-care',
          occurredAt: '2025-02-02T09:00:00.000Z',
        });
        await mutate('acceptCarerInvitation', {
          carerId,
          invitationId: invitation.id,
          occurredAt: '2025-02-03T09:00:00.000Z',
        });
        await mutate('recordCarerAttendance', { activityId: course, carerId, occurredAt: '2025-03-05T17:00:00.000Z' });
        await mutate('recordUnderstandingQuiz', {
          activityId: course,
          carerId,
          phase: 'after',
          questionsAsked: 10,
          correctAnswers,
          occurredAt: index < 5 ? '2025-03-05T17:10:00.000Z' : '2025-03-20T10:00:00.000Z',
        });
        if (index < 2)
          await mutate('recordCarerAttendance', {
            activityId: meeting.id,
            carerId,
            occurredAt: '2025-04-04T16:00:00.000Z',
          });
      }
      await mutate('takeDecision', {
        projectId,
        description: 'Move the peer meetings to the library',
        decidedByOrganisationId: 'org-home-care',
        decidedByRole: 'provider',
        affectsCarers: true,
        carersConsulted: false,
        occurredAt: '2025-03-21T09:00:00.000Z',
      });
      const interview = await mutate(
        'recordInterview',
        {
          projectId,
          intervieweeRole: 'carer',
          intervieweeRef: 'carer-8',
          durationMinutes: 45,
          mode: 'telephone',
          phase: 'co_assessment',
        },
        RESEARCHER,
      );
      await mutate(
        'codeObservation',
        {
          evidenceId: interview.id,
          observationId: 'obs-1',
          kind: 'barrier',
          taxonomy: 'pilot_barriers',
          code: 'lack_of_trust',
          stage: 'before',
          level: 'citizen',
          quote: { role: 'carer', gender: 'female', number: 8, text: 'I did not know them, "at all".' },
        },
        RESEARCHER,
      );
      erasedPseudonym = 'Carer 2';
      await mutate('eraseCarer', { carerId: carerIds[1], reason: 'request of the carer' }, ADMIN);
      // Exports read the read models as they stand: wait until each has the last write.
      const ready = await api.graphql(
        `query ($p: ID!, $at: String) {
          project(id: $p, atLeastPosition: $at) { id }
          signals(scope: { projectId: $p }, atLeastPosition: $at) { carerCount }
          assessmentReport(projectId: $p, atLeastPosition: $at) { carerCount }
          warnings(projectId: $p, atLeastPosition: $at) { totalCount }
          auditTrail(filter: { projectId: $p }, atLeastPosition: $at) { totalCount }
        }`,
        { p: projectId, at: last },
        ADMIN,
      );
      expect(ready.errors).toBeUndefined();
    },
  });

  const get = async (path: string, headers: Record<string, string> = RESEARCHER): Promise<Exported> => {
    const response = await fetch(new URL(path, api.url), { headers });
    const body = Buffer.from(await response.arrayBuffer());
    const text = body.toString('utf8');
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      disposition: response.headers.get('content-disposition'),
      body,
      text,
      json: () => JSON.parse(text) as ReturnType<Exported['json']>,
    };
  };
  const project = (file: string) => `/exports/projects/${projectId}/${file}`;

  const SERIES_QUERY = `query ($p: ID!, $asOf: DateTime, $knownAt: DateTime) {
    signalSeries(scope: { projectId: $p }, from: "2025-03-01T00:00:00Z", to: "2025-05-01T00:00:00Z", granularity: MONTH, asOf: $asOf, knownAt: $knownAt) {
      periods { window { from } signals { key value suppressed breakdown { key numerator denominator value suppressed carerCount } } }
    }
  }`;
  type SeriesAnswer = {
    signalSeries: {
      periods: Array<{
        window: { from: string };
        signals: Array<{
          key: string;
          value: number | null;
          suppressed: boolean;
          breakdown: Array<{
            key: string;
            numerator: number | null;
            denominator: number | null;
            value: number | null;
            suppressed: boolean;
            carerCount: number | null;
          }>;
        }>;
      }>;
    };
  };
  /** The GraphQL answer as the export's rows: period, signal, indicator and the figures. */
  const graphqlRows = async (headers: Record<string, string>, variables: Record<string, unknown>) => {
    const answer = await api.graphql<SeriesAnswer>(SERIES_QUERY, { p: projectId, ...variables }, headers);
    expect(answer.errors).toBeUndefined();
    const cell = (value: number | null) => (value === null ? '' : String(value));
    return answer.data!.signalSeries.periods.flatMap((period) =>
      period.signals.flatMap((signal) =>
        signal.breakdown.map((indicator) => ({
          period_from: period.window.from,
          signal: signal.key,
          signal_value: cell(signal.value),
          indicator: indicator.key,
          numerator: cell(indicator.numerator),
          denominator: cell(indicator.denominator),
          indicator_value: cell(indicator.value),
          indicator_suppressed: String(indicator.suppressed),
        })),
      ),
    );
  };
  const exportedRows = (csv: string) =>
    parseCsv(csv).map((row) => ({
      period_from: row.period_from!,
      signal: row.signal!,
      signal_value: row.signal_value!,
      indicator: row.indicator!,
      numerator: row.numerator!,
      denominator: row.denominator!,
      indicator_value: row.indicator_value!,
      indicator_suppressed: row.indicator_suppressed!,
    }));

  it('signal-series.csv: a header, one row per period × signal × indicator, the GraphQL answer of the same role, as an attachment', async () => {
    const exported = await get(project(`signal-series.csv?${SERIES}&asOf=${AFTER}`));
    expect(exported.status).toBe(200);
    expect(exported.type).toBe('text/csv; charset=utf-8');
    expect(exported.disposition).toBe(
      `attachment; filename="${projectId}-signal-series-${AFTER.replace('.000Z', 'Z').replaceAll(':', '-')}.csv"`,
    );
    expect(header(exported.text)).toEqual(
      expect.arrayContaining([
        'period_from',
        'signal',
        'indicator',
        'numerator',
        'denominator',
        'indicator_suppressed',
      ]),
    );
    const rows = exportedRows(exported.text);
    expect(rows).toEqual(await graphqlRows(RESEARCHER, { asOf: AFTER }));
    // Two months, four signals, each with its indicators.
    expect(new Set(rows.map((row) => row.period_from)).size).toBe(2);
    expect(new Set(rows.map((row) => row.signal))).toEqual(
      new Set(['trust', 'engagement', 'partnershipCohesion', 'coCreationBalance']),
    );
  });

  it('asOf and knownAt change the export as they change the GraphQL answer (the differencing control applied)', async () => {
    const understanding = (csv: string) =>
      exportedRows(csv).find((row) => row.period_from.startsWith('2025-03') && row.indicator === 'understanding')!;
    const before = await get(project(`signal-series.csv?${SERIES}&asOf=${BEFORE}`));
    const after = await get(project(`signal-series.csv?${SERIES}&asOf=${AFTER}`));
    // 35 of 50 correct answers by 10 March; 42 of 60 after, rounded to 40 for a researcher.
    expect(understanding(before.text)).toMatchObject({ numerator: '35', denominator: '50' });
    expect(understanding(after.text)).toMatchObject({ numerator: '40', denominator: '60' });
    expect(exportedRows(before.text)).toEqual(await graphqlRows(RESEARCHER, { asOf: BEFORE }));
    // The provider gets the exact figures, as over GraphQL.
    const provider = await get(project(`signal-series.csv?${SERIES}&asOf=${AFTER}`), COORDINATOR);
    expect(understanding(provider.text)).toMatchObject({ numerator: '42', denominator: '60' });
    // knownAt: what the platform knew before the sixth carer was entered (five quizzes, 35 of 50).
    const known = await get(project(`signal-series.csv?${SERIES}&knownAt=${knownBeforeSixth}`));
    expect(exportedRows(known.text)).toEqual(await graphqlRows(RESEARCHER, { knownAt: knownBeforeSixth }));
    expect(understanding(known.text)).toMatchObject({ numerator: '35', denominator: '50' });
  });

  it('small groups are suppressed for the roles that get suppression, not for providers', async () => {
    const april = (csv: string) =>
      exportedRows(csv).find(
        (row) => row.period_from.startsWith('2025-04') && row.indicator === 'attendancePerActivity',
      )!;
    const researcher = await get(project(`signal-series.csv?${SERIES}`));
    const provider = await get(project(`signal-series.csv?${SERIES}`), COORDINATOR);
    expect(april(researcher.text)).toMatchObject({ indicator_suppressed: 'true', numerator: '', indicator_value: '' });
    expect(april(provider.text)).toMatchObject({ indicator_suppressed: 'false' });
    expect(april(provider.text).numerator).not.toBe('');
    // The report too: the April peer meetings' attendance over two carers is withheld.
    const report = parseCsv((await get(project('assessment-report.csv'))).text);
    const peer = report.find((row) => row.line === 'peer_meeting' && row.figure === 'attendances')!;
    expect(peer).toMatchObject({ suppressed: 'true', value: '' });
    const exact = parseCsv((await get(project('assessment-report.csv'), COORDINATOR)).text);
    expect(exact.find((row) => row.line === 'peer_meeting' && row.figure === 'attendances')).toMatchObject({
      suppressed: 'false',
      value: '2',
    });
  });

  it('assessment-report: one row per figure with its target check, as assessmentReport answers at that knownAt', async () => {
    const knownAt = new Date().toISOString();
    const exported = await get(project(`assessment-report.ndjson?knownAt=${knownAt}`));
    expect(exported.type).toBe('application/x-ndjson; charset=utf-8');
    const rows = exported.text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const answer = await api.graphql<{
      assessmentReport: {
        overall: { held: number; understanding: { average: number | null; answered: number | null } };
      };
    }>(
      `query ($p: ID!, $k: DateTime) { assessmentReport(projectId: $p, knownAt: $k) { overall { held understanding { average answered } } } }`,
      { p: projectId, k: knownAt },
      RESEARCHER,
    );
    const overall = answer.data!.assessmentReport.overall;
    const figure = (section: string, name: string) =>
      rows.find((row) => row.section === section && row.line === 'all' && row.figure === name)!;
    expect(figure('activities', 'held').value).toBe(overall.held);
    expect(figure('understanding', 'average').value).toBe(overall.understanding.average);
    expect(figure('understanding', 'answered').value).toBe(overall.understanding.answered);
    expect(figure('understanding', 'average')).toHaveProperty('target_outcome');
    expect(Object.keys(rows[0]!)).toEqual(
      expect.arrayContaining(['target', 'target_value', 'target_met', 'target_outcome']),
    );
  });

  it('records: a researcher’s exports carry no identifying data; an erased carer stays erased', async () => {
    const attendance = await get(project('attendance.csv'));
    expect(attendance.status).toBe(200);
    const rows = parseCsv(attendance.text);
    expect(header(attendance.text)).not.toContain('carer_id');
    expect(rows).toHaveLength(8);
    expect(rows.filter((row) => row.carer_erased === 'true').map((row) => row.carer_pseudonym)).toEqual([
      erasedPseudonym,
      erasedPseudonym,
    ]);
    for (const file of [
      'attendance.ndjson',
      'activities.csv',
      'decisions.csv',
      'suggestions.csv',
      'coded-observations.csv',
    ]) {
      for (const headers of [RESEARCHER, COORDINATOR]) {
        const exported = await get(project(file), headers);
        expect(exported.status).toBe(200);
        for (const secret of [CARER_NAME, CARER_EMAIL, ...carerIds]) expect(exported.text).not.toContain(secret);
      }
    }
    const activities = parseCsv((await get(project('activities.csv'))).text);
    expect(activities.map((row) => [row.kind, row.status, row.carers_attended])).toEqual([
      ['training_course', 'held', '6'],
      ['peer_meeting', 'held', '2'],
    ]);
    const observations = parseCsv((await get(project('coded-observations.csv'))).text);
    expect(observations).toEqual([
      expect.objectContaining({
        code: 'lack_of_trust',
        taxonomy: 'pilot_barriers',
        quote: 'I did not know them, "at all".',
        quote_attribution: 'Carer, female, 8',
      }),
    ]);
  });

  it('who may export: audit for admins only, with the code GraphQL gives; membership and tokens as over GraphQL', async () => {
    const graphql = await api.graphql(
      `query ($p: ID!) { auditTrail(filter: { projectId: $p }) { totalCount } }`,
      { p: projectId },
      RESEARCHER,
    );
    const refused = await get(project('audit.csv'));
    expect(refused.status).toBe(403);
    expect(refused.json().error).toMatchObject({
      code: graphql.errors![0]!.extensions!.code,
      reason: graphql.errors![0]!.extensions!.reason,
      details: { operation: 'auditTrail' },
    });
    const audit = await get(project('audit.csv'), ADMIN);
    expect(audit.status).toBe(200);
    expect(parseCsv(audit.text).map((row) => row.event_type)).toContain('CarerPersonalDataErased');
    expect((await get(project('coded-observations.csv'), as('c-1;carer'))).json().error).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'ROLE_NOT_ALLOWED',
    });
    const outsider = await get(project('decisions.csv'), as('r-9;researcher;org-elsewhere'));
    expect([outsider.status, outsider.json().error.reason]).toEqual([403, 'NOT_A_PROJECT_MEMBER']);
    const anonymous = await get(project('decisions.csv'), {});
    expect([anonymous.status, anonymous.json().error]).toEqual([
      401,
      expect.objectContaining({ code: 'UNAUTHENTICATED', reason: 'TOKEN_MISSING' }),
    ]);
    const unknown = await get(project('carers.csv'));
    expect([unknown.status, unknown.json().error.reason]).toEqual([404, 'DATASET_NOT_FOUND']);
    const missing = await get(`/exports/projects/${randomUUID()}/decisions.csv`);
    expect([missing.status, missing.json().error.code]).toEqual([404, 'NOT_FOUND']);
    const badDate = await get(project('signal-series.csv?asOf=yesterday'));
    expect([badDate.status, badDate.json().error]).toEqual([
      400,
      expect.objectContaining({ code: 'BAD_USER_INPUT', reason: 'INVALID_EXPORT_ARGUMENT' }),
    ]);
    const future = await get(project('signal-series.csv?asOf=2999-01-01T00:00:00Z'));
    expect([future.status, future.json().error.reason]).toEqual([400, 'IN_THE_FUTURE']);
    const now = await get(project(`decisions.csv?asOf=${AFTER}`));
    expect([now.status, now.json().error.reason]).toEqual([400, 'TIME_TRAVEL_NOT_SUPPORTED']);
    const territory = await get(`/exports/territories/valley/signal-series.ndjson?${SERIES}`);
    expect(territory.status).toBe(200);
    expect(JSON.parse(territory.text.split('\n')[0]!)).toMatchObject({ territory_id: 'valley', project_id: null });
  });

  it('REFI-QDA: the codebook (.qdc) and the project (.qdpx: project.qde) validate against the published schemas', async () => {
    const codebook = await get(project('codebook.qdc'));
    expect(codebook.disposition).toMatch(/filename=".+-codebook-.+\.qdc"/);
    expect(await valid(codebook.text, 'Codebook.xsd')).toEqual({ valid: true, errors: [] });
    const qdpx = await get(project('project.qdpx'));
    expect(qdpx.type).toBe('application/zip');
    const files = unzip(qdpx.body);
    expect([...files.keys()]).toEqual(['project.qde']);
    const qde = files.get('project.qde')!;
    expect(await valid(qde, 'Project.xsd')).toEqual({ valid: true, errors: [] });
    expect(qde).toContain('<PlainTextSelection');
    expect(qde).toContain('Carer, female, 8: I did not know them, "at all".');
  });

  it('open-data.zip: aggregates only (rounded for everyone), every column of every CSV in its README', async () => {
    const bundle = await get(project(`open-data.zip?${SERIES}`), COORDINATOR);
    expect(bundle.status).toBe(200);
    const files = unzip(bundle.body);
    expect([...files.keys()].sort()).toEqual([
      'README.md',
      'activity-counts.csv',
      'assessment-report.csv',
      'decision-counts.csv',
      'signal-series.csv',
    ]);
    const readme = files.get('README.md')!;
    for (const [name, csv] of files) {
      if (!name.endsWith('.csv')) continue;
      expect(readme).toContain(`## ${name}`);
      for (const column of header(csv)) expect(readme).toContain(`| \`${column}\` |`);
      for (const secret of [CARER_NAME, CARER_EMAIL, ...carerIds, 'Carer 1']) expect(csv).not.toContain(secret);
    }
    // Even the provider's bundle is what a researcher sees: suppressed and rounded.
    expect(exportedRows(files.get('signal-series.csv')!)).toEqual(
      exportedRows((await get(project(`signal-series.csv?${SERIES}`))).text),
    );
    expect(parseCsv(files.get('activity-counts.csv')!)).toEqual([
      { month: '2025-03', kind: 'training_course', scheduled: '1', held: '1', cancelled: '0' },
      { month: '2025-04', kind: 'peer_meeting', scheduled: '1', held: '1', cancelled: '0' },
    ]);
  });
});
