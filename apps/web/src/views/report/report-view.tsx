import type { ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { ReportViewFiguresFragment, ReportViewReportQuery, ReportViewScoreFragment } from '../../gql/graphql';
import { TimeTravelControls, useTimeTravel } from '../../app/time-travel';
import { count, date, dateTime, decimal, words } from '../../ui/format';
import { Empty, ErrorNotice, Loading, Suppressed } from '../../ui/status';
import {
  kindLabel,
  measuredCount,
  share,
  suppressionNotes,
  targetRows,
  verdictOfTarget,
  windowOf,
  windowText,
  type Verdict,
} from './report-lines';
import { numeric, ScrollTable } from '../table';
import './report.css';
import { useQueryParams } from '../../app/search-params';

graphql(`
  fragment ReportViewScore on AssessmentReportScore {
    average
    answered
    carerCount
    suppressed
    suppressionReason
    target {
      description
      value
      met
      outcome
    }
  }
`);

graphql(`
  fragment ReportViewFigures on AssessmentReportActivityFigures {
    held
    cancelled
    attendances
    averageAttendees
    distinctAttendees
    carerCount
    suppressed
    suppressionReason
    understanding {
      ...ReportViewScore
    }
    satisfaction {
      ...ReportViewScore
    }
  }
`);

const ReportQuery = graphql(`
  query ReportViewReport($projectId: ID!, $window: SignalWindowInput, $asOf: DateTime, $knownAt: DateTime) {
    assessmentReport(projectId: $projectId, window: $window, asOf: $asOf, knownAt: $knownAt) {
      projectId
      asOf
      knownAt
      window {
        from
        to
      }
      defaultWindow
      pilotMonthsInWindow
      carerCount
      suppressed
      newPatientsInformed
      newPatientsInformedMeasured
      settings {
        eligibleCarers
        pilotEnd
        pilotMonths
        startsOn
        targets {
          committeeEveryMonths
          peerMeetingsPerMonth
          reachShare
          satisfactionThreshold
          trainingCoursesPerMonth
          understandingThreshold
        }
      }
      activities {
        kind
        held
        cancelled
        attendances
        averageAttendees
        distinctAttendees
        carerCount
        suppressed
        suppressionReason
        understanding {
          ...ReportViewScore
        }
        satisfaction {
          ...ReportViewScore
        }
        target {
          description
          value
          met
          outcome
        }
      }
      overall {
        ...ReportViewFigures
      }
      goals {
        total
        reached
        partiallyReached
        unfulfilled
        notAssessed
        selfOrganisingSince
        selfOrganising {
          description
          value
          met
          outcome
        }
        goals {
          goalId
          description
          outcome
          assessedAt
          reassessed
        }
      }
      channels {
        channelId
        kind
        name
        readings
        likes
        visits
        downloads
        shares
        measured {
          likes
          visits
          downloads
          shares
        }
        readingKind
        measuredFrom
        measuredTo
        newPatientsInformed
        newPatientsInformedMeasured
        retired
      }
      channelTotals {
        readings
        likes
        visits
        downloads
        shares
        measured {
          likes
          visits
          downloads
          shares
        }
      }
      reach {
        distinctCarers
        eligible
        share
        target
        targetCarers
        met
        outcome
        carerCount
        suppressed
        suppressionReason
      }
    }
  }
`);

type Report = ReportViewReportQuery['assessmentReport'];
type Score = ReportViewScoreFragment;
type Figures = ReportViewFiguresFragment;
type Line = Report['activities'][number];

/** The assessment report of a project, each line beside its target, as of any moment, printable. */
export function ReportView() {
  const { projectId = '' } = useParams();
  const { asOf, knownAt } = useTimeTravel();
  const [params, setParams] = useQueryParams();
  const firstDay = params.get('reportFrom');
  const lastDay = params.get('reportTo');
  const { window: chosen, problem } = windowOf(firstDay, lastDay);
  const [{ data, error, fetching }] = useQuery({
    query: ReportQuery,
    variables: { projectId, window: chosen, asOf, knownAt },
  });
  const setDay = (key: 'reportFrom' | 'reportTo', day: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (day) next.set(key, day);
      else next.delete(key);
      return next;
    });
  const today = new Date().toISOString().slice(0, 10);
  const report = data?.assessmentReport;

  return (
    <section className="report-view" aria-labelledby="report-heading">
      <div className="report-title">
        <h2 id="report-heading">Assessment report</h2>
        <button type="button" className="no-print" onClick={() => window.print()}>
          Print
        </button>
      </div>
      <TimeTravelControls />
      <form className="report-window no-print" aria-label="Report window" onSubmit={(event) => event.preventDefault()}>
        <span className="report-window-title">Window</span>
        <DayInput label="First day" max={today} value={firstDay} onChange={(day) => setDay('reportFrom', day)} />
        <DayInput label="Last day" max={today} value={lastDay} onChange={(day) => setDay('reportTo', day)} />
        {firstDay || lastDay ? (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setDay('reportFrom', '');
              setDay('reportTo', '');
            }}
          >
            Whole project
          </button>
        ) : (
          <span className="muted">the whole project unless you pick both days</span>
        )}
      </form>
      {problem ? <p className="notice">{problem}</p> : null}
      {fetching ? <Loading what="the assessment report" /> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {report && !fetching ? <ReportBody report={report} /> : null}
    </section>
  );
}

/** One end of the report window: a day, at the latest today. */
function DayInput({
  label,
  max,
  value,
  onChange,
}: {
  label: string;
  max: string;
  value: string | null;
  onChange: (day: string) => void;
}) {
  return (
    <label>
      {label} <input type="date" max={max} value={value ?? ''} onChange={(event) => onChange(event.target.value)} />
    </label>
  );
}

function VerdictText({ verdict, note }: { verdict: Verdict; note?: string | null }) {
  switch (verdict) {
    case 'met':
      return (
        <span className="met">
          <span aria-hidden="true">✓ </span>met
        </span>
      );
    case 'missed':
      return (
        <span className="missed">
          <span aria-hidden="true">✗ </span>missed
        </span>
      );
    case 'withheld':
      return <Suppressed />;
    case 'not-measured':
      return <span className="muted not-measured">not measured{note ? ` (${note})` : ''}</span>;
    case 'not-due':
      return <span className="muted">not due{note ? ` (${note})` : ''}</span>;
    default:
      return <span className="muted">not judged{note ? ` (${note})` : ''}</span>;
  }
}

/** A withheld group of cells: the wording, and the API's reason beneath. */
function Withheld({ span, reason }: { span: number; reason: string | null | undefined }) {
  return (
    <td colSpan={span} className="report-withheld-cell">
      <Suppressed />
      {reason ? <span className="report-withheld-reason">{reason}</span> : null}
    </td>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="report-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

function ReportBody({ report }: { report: Report }) {
  const notes = suppressionNotes(report);
  const settings = report.settings;
  return (
    <div className="report-body">
      <dl className="report-scope">
        <div>
          <dt>Window</dt>
          <dd>
            {windowText(report.window)}
            {report.window ? (report.defaultWindow ? ' (the whole project as recorded)' : ' (as chosen)') : ''}
          </dd>
        </div>
        <div>
          <dt>Pilot months in the window</dt>
          <dd>{decimal(report.pilotMonthsInWindow, 1)}</dd>
        </div>
        <div>
          <dt>Carers behind the figures</dt>
          <dd>
            {report.carerCount === null || report.carerCount === undefined ? <Suppressed /> : count(report.carerCount)}
          </dd>
        </div>
        {settings ? (
          <div>
            <dt>Pilot</dt>
            <dd>
              {date(settings.startsOn)} – {date(settings.pilotEnd)} ({count(settings.pilotMonths)} months),{' '}
              {count(settings.eligibleCarers)} eligible carers
            </dd>
          </div>
        ) : null}
      </dl>
      {!settings && report.window ? (
        <p className="notice">The project’s launch is not visible at this moment, so no line has a target.</p>
      ) : null}
      <p className="report-print-only muted">Printed on {dateTime(new Date())}.</p>
      {notes.length > 0 ? (
        <div className="notice report-withheld">
          <p>
            Some figures are withheld: they were computed over too few carers, and showing them could single a carer
            out.
          </p>
          <ul>
            {notes.map((note) => (
              <li key={note.where}>
                <strong>{note.where}</strong>: {note.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {report.window ? (
        <>
          <Targets report={report} />
          <Activities report={report} />
          <Scores report={report} />
          <Goals goals={report.goals} />
          <Channels report={report} />
          <Reach reach={report.reach} />
        </>
      ) : (
        <Empty>
          Nothing of this project is visible at this moment: it had not been launched, or nothing was recorded.
        </Empty>
      )}
    </div>
  );
}

function Targets({ report }: { report: Report }) {
  const rows = targetRows(report);
  return (
    <Section id="report-targets" title="Targets">
      <ScrollTable
        className="report-table report-targets"
        caption="Each target of the project beside what the window shows"
        columns={['Target', 'Aim', 'Result', 'Met or missed']}
      >
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-target={row.key}>
              <th scope="row">{row.label}</th>
              <td>{row.target}</td>
              <td>{row.result ?? <Suppressed />}</td>
              <td>
                <VerdictText verdict={row.verdict} note={row.verdict === 'withheld' ? null : row.note} />
                {row.verdict === 'withheld' && row.note ? (
                  <span className="report-withheld-reason">{row.note}</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </Section>
  );
}

/**
 * A body row per activity kind and a foot row for all activities together; `cells` fills each row
 * after its heading, from the kind's line or (null) from the overall figures.
 */
function ByKind({ report, cells }: { report: Report; cells: (line: Line | null) => ReactNode }) {
  return (
    <>
      <tbody>
        {report.activities.map((line) => (
          <tr key={line.kind} data-kind={line.kind}>
            <th scope="row">{kindLabel(line.kind)}</th>
            {cells(line)}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr data-kind="overall">
          <th scope="row">All activities</th>
          {cells(null)}
        </tr>
      </tfoot>
    </>
  );
}

function cadenceCells(line: Line | null) {
  if (!line?.target) {
    return (
      <>
        <td className="numeric muted">—</td>
        <td className="muted">{line ? 'no target' : ''}</td>
      </>
    );
  }
  const verdict = verdictOfTarget(line.target);
  return (
    <>
      <td className="numeric">≥ {count(line.target.value)}</td>
      <td>
        <VerdictText verdict={verdict} note={verdict === 'not-judged' ? 'nothing due' : null} />
      </td>
    </>
  );
}

function attendanceCells(figures: Figures | Line) {
  if (figures.suppressed) return <Withheld span={3} reason={figures.suppressionReason} />;
  return (
    <>
      <td className="numeric">{count(figures.attendances)}</td>
      <td className="numeric">{decimal(figures.averageAttendees, 1)}</td>
      <td className="numeric">{count(figures.distinctAttendees)}</td>
    </>
  );
}

function Activities({ report }: { report: Report }) {
  return (
    <Section id="report-activities" title="Sessions and attendance">
      <ScrollTable
        className="report-table report-activities"
        caption="Sessions held and cancelled in the window by activity kind, the cadence target, and the carers who attended"
        columns={[
          'Activity kind',
          numeric('Held'),
          numeric('Cancelled'),
          numeric('Target held'),
          'Met or missed',
          numeric('Attendances'),
          numeric('Average attendees'),
          numeric('Distinct attendees'),
        ]}
      >
        <ByKind
          report={report}
          cells={(line) => {
            const figures = line ?? report.overall;
            return (
              <>
                <td className="numeric">{count(figures.held)}</td>
                <td className="numeric">{count(figures.cancelled)}</td>
                {cadenceCells(line)}
                {attendanceCells(figures)}
              </>
            );
          }}
        />
      </ScrollTable>
    </Section>
  );
}

function scoreCells(score: Score) {
  if (score.suppressed) return <Withheld span={3} reason={score.suppressionReason} />;
  const verdict = verdictOfTarget(score.target);
  return (
    <>
      <td className="numeric">{share(score.average)}</td>
      <td className="numeric">{count(score.answered)}</td>
      <td>
        {verdict === 'not-judged' ? (
          <span className="muted">no answers</span>
        ) : (
          <VerdictText verdict={verdict} note={verdict === 'not-measured' ? 'no answers' : null} />
        )}
      </td>
    </>
  );
}

function Scores({ report }: { report: Report }) {
  const understanding = report.overall.understanding.target?.value;
  const satisfaction = report.overall.satisfaction.target?.value;
  return (
    <Section id="report-scores" title="Understanding and satisfaction">
      <p className="muted">
        Understanding: the average after-course quiz score (correct answers over questions)
        {understanding !== undefined ? `, target ${share(understanding)}` : ''}. Satisfaction: the average normalised
        survey score{satisfaction !== undefined ? `, target ${share(satisfaction)}` : ''}.
      </p>
      <ScrollTable
        className="report-table report-scores"
        caption="Understanding and satisfaction by activity kind, with how many answered"
        colgroups={
          <>
            <colgroup>
              <col />
            </colgroup>
            <colgroup span={3} />
            <colgroup span={3} />
          </>
        }
        groups={
          <tr>
            <td />
            <th scope="colgroup" colSpan={3} className="report-group">
              Understanding
            </th>
            <th scope="colgroup" colSpan={3} className="report-group">
              Satisfaction
            </th>
          </tr>
        }
        columns={[
          'Activity kind',
          numeric('Average'),
          numeric('Quizzes'),
          'Target',
          numeric('Average'),
          numeric('Responses'),
          'Target',
        ]}
      >
        <ByKind
          report={report}
          cells={(line) => {
            const figures = line ?? report.overall;
            return (
              <>
                {scoreCells(figures.understanding)}
                {scoreCells(figures.satisfaction)}
              </>
            );
          }}
        />
      </ScrollTable>
    </Section>
  );
}

const OUTCOMES = [
  ['reached', 'Reached'],
  ['partiallyReached', 'Partially reached'],
  ['unfulfilled', 'Unfulfilled'],
  ['notAssessed', 'Not assessed'],
] as const;

function Goals({ goals }: { goals: Report['goals'] }) {
  const selfOrganising = verdictOfTarget(goals.selfOrganising);
  return (
    <Section id="report-goals" title="Citizens’ committee goals">
      <p>
        {goals.selfOrganising.description}: <VerdictText verdict={selfOrganising} />
        {goals.selfOrganisingSince ? ` (since ${date(goals.selfOrganisingSince)})` : ''}.
      </p>
      <div className="report-goals-tables">
        <ScrollTable
          className="report-table report-goal-outcomes"
          caption="Goals by their latest judgement at the window’s end"
          columns={['Outcome', numeric('Goals')]}
        >
          <tbody>
            {OUTCOMES.map(([key, label]) => (
              <tr key={key}>
                <th scope="row">{label}</th>
                <td className="numeric">{count(goals[key])}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td className="numeric">{count(goals.total)}</td>
            </tr>
          </tfoot>
        </ScrollTable>
        {goals.goals.length > 0 ? (
          <ScrollTable
            className="report-table report-goal-list"
            caption="Each goal and its latest judgement"
            columns={['Goal', 'Outcome', 'Judged on']}
          >
            <tbody>
              {goals.goals.map((goal) => (
                <tr key={goal.goalId}>
                  <th scope="row">{goal.description ?? goal.goalId}</th>
                  <td>
                    {goal.outcome ? words(goal.outcome) : <span className="muted">not assessed</span>}
                    {goal.reassessed ? <span className="muted"> (reassessed)</span> : null}
                  </td>
                  <td>{goal.assessedAt ? date(goal.assessedAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        ) : null}
      </div>
    </Section>
  );
}

const COUNTERS = ['likes', 'visits', 'downloads', 'shares'] as const;

/**
 * A channel's counters, or all channels': a counter no reading in the window gave (not read, or a
 * brochure that has no likes) says "not measured", never 0; a recorded 0 shows as 0.
 */
function CounterCells({ counters }: { counters: Report['channelTotals'] }) {
  return (
    <>
      <td className="numeric">{count(counters.readings)}</td>
      {COUNTERS.map((counter) => (
        <td
          key={counter}
          className={counters.measured[counter] ? 'numeric' : 'numeric muted not-measured'}
          data-counter={counter}
        >
          {measuredCount(counters[counter], counters.measured[counter])}
        </td>
      ))}
    </>
  );
}

/** "running totals since 1 Nov 2024" or "increments": what the channel's counted readings were, and the span they measured. */
function readingsNote(channel: Report['channels'][number]): string | null {
  if (!channel.readingKind || !channel.measuredFrom || !channel.measuredTo) return null;
  const kind = channel.readingKind === 'running_total' ? 'running totals' : 'increments';
  const last = new Date(new Date(channel.measuredTo).getTime() - 1);
  return `${kind}, ${date(channel.measuredFrom)} – ${date(last)}`;
}

function Channels({ report }: { report: Report }) {
  return (
    <Section id="report-channels" title="Information channels and new patients">
      {report.newPatientsInformedMeasured ? (
        <p>
          <strong>{count(report.newPatientsInformed)}</strong> new patient{report.newPatientsInformed === 1 ? '' : 's'}{' '}
          first informed in the window, through any channel (a patient informed through several channels counts once).
        </p>
      ) : (
        <p className="report-new-patients">
          New patients informed through the channels: <strong>not measured</strong> (nobody recorded or checked them in
          this window, which is not the same as none).
        </p>
      )}
      {report.channels.length === 0 ? (
        <Empty>No information channel was registered by the window’s end.</Empty>
      ) : (
        <ScrollTable
          className="report-table report-channels"
          caption="What the counters gained in the window: increments summed, running totals as the difference between totals, each reading in the window holding its end (“not measured”: no reading in the window gave the counter, which is not a zero)"
          columns={[
            'Channel',
            'Kind',
            numeric('Readings'),
            numeric('Likes'),
            numeric('Visits'),
            numeric('Downloads'),
            numeric('Shares'),
            numeric('New patients informed'),
          ]}
        >
          <tbody>
            {report.channels.map((channel) => (
              <tr key={channel.channelId}>
                <th scope="row">
                  {channel.name ?? channel.channelId}
                  {channel.retired ? <span className="muted"> (retired)</span> : null}
                  {readingsNote(channel) ? <span className="report-readings-note">{readingsNote(channel)}</span> : null}
                </th>
                <td>{words(channel.kind)}</td>
                <CounterCells counters={channel} />
                <td
                  className={channel.newPatientsInformedMeasured ? 'numeric' : 'numeric muted not-measured'}
                  data-counter="newPatientsInformed"
                >
                  {measuredCount(channel.newPatientsInformed, channel.newPatientsInformedMeasured)}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">All channels</th>
              <td />
              <CounterCells counters={report.channelTotals} />
              <td className={report.newPatientsInformedMeasured ? 'numeric' : 'numeric muted not-measured'}>
                {report.newPatientsInformedMeasured ? `${count(report.newPatientsInformed)} distinct` : 'not measured'}
              </td>
            </tr>
          </tfoot>
        </ScrollTable>
      )}
    </Section>
  );
}

function Reach({ reach }: { reach: Report['reach'] }) {
  const verdict = verdictOfTarget(reach, reach.suppressed);
  return (
    <Section id="report-reach" title="Reach">
      <ScrollTable
        className="report-table report-reach"
        caption="Distinct carers who attended at least one activity held before the window’s end, against the reach target"
        columns={[
          numeric('Carers reached'),
          numeric('Share of eligible'),
          numeric('Eligible carers'),
          numeric('Target share'),
          numeric('Target carers'),
          'Met or missed',
        ]}
      >
        <tbody>
          <tr>
            {reach.suppressed ? (
              <Withheld span={2} reason={reach.suppressionReason} />
            ) : (
              <>
                <td className="numeric">{count(reach.distinctCarers)}</td>
                <td className="numeric">{share(reach.share)}</td>
              </>
            )}
            <td className="numeric">{count(reach.eligible)}</td>
            <td className="numeric">{share(reach.target)}</td>
            <td className="numeric">{decimal(reach.targetCarers, 1)}</td>
            <td>
              <VerdictText verdict={verdict} note={verdict === 'not-judged' ? 'launch not visible' : null} />
            </td>
          </tr>
        </tbody>
      </ScrollTable>
    </Section>
  );
}
