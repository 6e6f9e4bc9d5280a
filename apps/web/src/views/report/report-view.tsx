import type { ReactNode } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { ReportViewFiguresFragment, ReportViewReportQuery, ReportViewScoreFragment } from '../../gql/graphql';
import { TimeTravelControls, useTimeTravel } from '../../app/time-travel';
import { count, date, dateTime, decimal, words } from '../../ui/format';
import { Empty, ErrorNotice, Loading, Suppressed } from '../../ui/status';
import {
  kindLabel,
  share,
  suppressionNotes,
  targetRows,
  verdictOf,
  windowOf,
  windowText,
  type Verdict,
} from './report-lines';
import './report.css';

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
        newPatientsInformed
        retired
      }
      channelTotals {
        readings
        likes
        visits
        downloads
        shares
      }
      reach {
        distinctCarers
        eligible
        share
        target
        targetCarers
        met
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
  const [params, setParams] = useSearchParams();
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
        <label>
          First day{' '}
          <input
            type="date"
            max={today}
            value={firstDay ?? ''}
            onChange={(event) => setDay('reportFrom', event.target.value)}
          />
        </label>
        <label>
          Last day{' '}
          <input
            type="date"
            max={today}
            value={lastDay ?? ''}
            onChange={(event) => setDay('reportTo', event.target.value)}
          />
        </label>
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
      <div className="table-scroll">
        <table className="report-table report-targets">
          <caption>Each target of the project beside what the window shows</caption>
          <thead>
            <tr>
              <th scope="col">Target</th>
              <th scope="col">Aim</th>
              <th scope="col">Result</th>
              <th scope="col">Met or missed</th>
            </tr>
          </thead>
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
        </table>
      </div>
    </Section>
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
  const verdict = verdictOf(line.target.met);
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
      <div className="table-scroll">
        <table className="report-table report-activities">
          <caption>
            Sessions held and cancelled in the window by activity kind, the cadence target, and the carers who attended
          </caption>
          <thead>
            <tr>
              <th scope="col">Activity kind</th>
              <th scope="col" className="numeric">
                Held
              </th>
              <th scope="col" className="numeric">
                Cancelled
              </th>
              <th scope="col" className="numeric">
                Target held
              </th>
              <th scope="col">Met or missed</th>
              <th scope="col" className="numeric">
                Attendances
              </th>
              <th scope="col" className="numeric">
                Average attendees
              </th>
              <th scope="col" className="numeric">
                Distinct attendees
              </th>
            </tr>
          </thead>
          <tbody>
            {report.activities.map((line) => (
              <tr key={line.kind} data-kind={line.kind}>
                <th scope="row">{kindLabel(line.kind)}</th>
                <td className="numeric">{count(line.held)}</td>
                <td className="numeric">{count(line.cancelled)}</td>
                {cadenceCells(line)}
                {attendanceCells(line)}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-kind="overall">
              <th scope="row">All activities</th>
              <td className="numeric">{count(report.overall.held)}</td>
              <td className="numeric">{count(report.overall.cancelled)}</td>
              {cadenceCells(null)}
              {attendanceCells(report.overall)}
            </tr>
          </tfoot>
        </table>
      </div>
    </Section>
  );
}

function scoreCells(score: Score) {
  if (score.suppressed) return <Withheld span={3} reason={score.suppressionReason} />;
  const verdict = verdictOf(score.target?.met);
  return (
    <>
      <td className="numeric">{share(score.average)}</td>
      <td className="numeric">{count(score.answered)}</td>
      <td>
        {verdict === 'not-judged' ? <span className="muted">no answers</span> : <VerdictText verdict={verdict} />}
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
      <div className="table-scroll">
        <table className="report-table report-scores">
          <caption>Understanding and satisfaction by activity kind, with how many answered</caption>
          <colgroup>
            <col />
          </colgroup>
          <colgroup span={3} />
          <colgroup span={3} />
          <thead>
            <tr>
              <td />
              <th scope="colgroup" colSpan={3} className="report-group">
                Understanding
              </th>
              <th scope="colgroup" colSpan={3} className="report-group">
                Satisfaction
              </th>
            </tr>
            <tr>
              <th scope="col">Activity kind</th>
              <th scope="col" className="numeric">
                Average
              </th>
              <th scope="col" className="numeric">
                Quizzes
              </th>
              <th scope="col">Target</th>
              <th scope="col" className="numeric">
                Average
              </th>
              <th scope="col" className="numeric">
                Responses
              </th>
              <th scope="col">Target</th>
            </tr>
          </thead>
          <tbody>
            {report.activities.map((line) => (
              <tr key={line.kind} data-kind={line.kind}>
                <th scope="row">{kindLabel(line.kind)}</th>
                {scoreCells(line.understanding)}
                {scoreCells(line.satisfaction)}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-kind="overall">
              <th scope="row">All activities</th>
              {scoreCells(report.overall.understanding)}
              {scoreCells(report.overall.satisfaction)}
            </tr>
          </tfoot>
        </table>
      </div>
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
  const selfOrganising = verdictOf(goals.selfOrganising.met);
  return (
    <Section id="report-goals" title="Citizens’ committee goals">
      <p>
        {goals.selfOrganising.description}: <VerdictText verdict={selfOrganising} />
        {goals.selfOrganisingSince ? ` (since ${date(goals.selfOrganisingSince)})` : ''}.
      </p>
      <div className="report-goals-tables">
        <div className="table-scroll">
          <table className="report-table report-goal-outcomes">
            <caption>Goals by their latest judgement at the window’s end</caption>
            <thead>
              <tr>
                <th scope="col">Outcome</th>
                <th scope="col" className="numeric">
                  Goals
                </th>
              </tr>
            </thead>
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
          </table>
        </div>
        {goals.goals.length > 0 ? (
          <div className="table-scroll">
            <table className="report-table report-goal-list">
              <caption>Each goal and its latest judgement</caption>
              <thead>
                <tr>
                  <th scope="col">Goal</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Judged on</th>
                </tr>
              </thead>
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
            </table>
          </div>
        ) : null}
      </div>
    </Section>
  );
}

/** A counter the channel does not have (a brochure has no likes) is "—", never 0. */
const counter = (value: number | null | undefined) => count(value);

function Channels({ report }: { report: Report }) {
  const totals = report.channelTotals;
  return (
    <Section id="report-channels" title="Information channels and new patients">
      <p>
        <strong>{count(report.newPatientsInformed)}</strong> new patient{report.newPatientsInformed === 1 ? '' : 's'}{' '}
        first informed in the window, through any channel (a patient informed through several channels counts once).
      </p>
      {report.channels.length === 0 ? (
        <Empty>No information channel was registered by the window’s end.</Empty>
      ) : (
        <div className="table-scroll">
          <table className="report-table report-channels">
            <caption>
              Counters summed over the readings whose period ends in the window (“—”: the channel has no such counter)
            </caption>
            <thead>
              <tr>
                <th scope="col">Channel</th>
                <th scope="col">Kind</th>
                <th scope="col" className="numeric">
                  Readings
                </th>
                <th scope="col" className="numeric">
                  Likes
                </th>
                <th scope="col" className="numeric">
                  Visits
                </th>
                <th scope="col" className="numeric">
                  Downloads
                </th>
                <th scope="col" className="numeric">
                  Shares
                </th>
                <th scope="col" className="numeric">
                  New patients informed
                </th>
              </tr>
            </thead>
            <tbody>
              {report.channels.map((channel) => (
                <tr key={channel.channelId}>
                  <th scope="row">
                    {channel.name ?? channel.channelId}
                    {channel.retired ? <span className="muted"> (retired)</span> : null}
                  </th>
                  <td>{words(channel.kind)}</td>
                  <td className="numeric">{count(channel.readings)}</td>
                  <td className="numeric">{counter(channel.likes)}</td>
                  <td className="numeric">{counter(channel.visits)}</td>
                  <td className="numeric">{counter(channel.downloads)}</td>
                  <td className="numeric">{counter(channel.shares)}</td>
                  <td className="numeric">{count(channel.newPatientsInformed)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">All channels</th>
                <td />
                <td className="numeric">{count(totals.readings)}</td>
                <td className="numeric">{counter(totals.likes)}</td>
                <td className="numeric">{counter(totals.visits)}</td>
                <td className="numeric">{counter(totals.downloads)}</td>
                <td className="numeric">{counter(totals.shares)}</td>
                <td className="numeric">{count(report.newPatientsInformed)} distinct</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </Section>
  );
}

function Reach({ reach }: { reach: Report['reach'] }) {
  const verdict = verdictOf(reach.met, reach.suppressed);
  return (
    <Section id="report-reach" title="Reach">
      <div className="table-scroll">
        <table className="report-table report-reach">
          <caption>
            Distinct carers who attended at least one activity held before the window’s end, against the reach target
          </caption>
          <thead>
            <tr>
              <th scope="col" className="numeric">
                Carers reached
              </th>
              <th scope="col" className="numeric">
                Share of eligible
              </th>
              <th scope="col" className="numeric">
                Eligible carers
              </th>
              <th scope="col" className="numeric">
                Target share
              </th>
              <th scope="col" className="numeric">
                Target carers
              </th>
              <th scope="col">Met or missed</th>
            </tr>
          </thead>
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
        </table>
      </div>
    </Section>
  );
}
