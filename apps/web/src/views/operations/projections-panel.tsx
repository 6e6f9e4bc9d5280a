import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery, useSubscription, type CombinedError } from 'urql';
import { graphql } from '../../gql';
import type { OperationsProjectionStatusFragment } from '../../gql/graphql';
import { count, dateTime, decimal } from '../../ui/format';
import { Empty, ErrorNotice, Loading } from '../../ui/status';
import { numeric, ScrollTable } from '../table';
import {
  ACTION_DONE,
  ACTION_LABELS,
  actionsFor,
  lagEventsText,
  lagSecondsText,
  logHoldText,
  mergeStatuses,
  NEEDS_CONFIRMATION,
  rebuildText,
  replaceStatus,
  STATE_WORDS,
  type ProjectionAction,
} from './projection-status';

graphql(`
  fragment OperationsProjectionStatus on ProjectionStatus {
    name
    state
    version
    generation
    checkpoint
    eventsProcessed
    eventsPerSecond
    lagEvents
    lagSeconds
    lastError
    updatedAt
    failure {
      at
      error
      eventId
      eventType
      position
      streamId
    }
    logHeldBack {
      pid
      seconds
      since
      transactionId
    }
    rebuild {
      generation
      progress
      eventsProcessed
      eventsRemaining
      checkpoint
      failure {
        error
        eventType
        eventId
      }
    }
  }
`);

const ProjectionsQuery = graphql(`
  query OperationsProjections {
    projections {
      ...OperationsProjectionStatus
    }
  }
`);

const ProjectionStatusSubscription = graphql(`
  subscription OperationsProjectionStatusUpdates {
    projectionStatus {
      ...OperationsProjectionStatus
    }
  }
`);

const PauseMutation = graphql(`
  mutation OperationsPauseProjection($name: String!) {
    pauseProjection(name: $name) {
      ...OperationsProjectionStatus
    }
  }
`);
const ResumeMutation = graphql(`
  mutation OperationsResumeProjection($name: String!) {
    resumeProjection(name: $name) {
      ...OperationsProjectionStatus
    }
  }
`);
const RetryMutation = graphql(`
  mutation OperationsRetryProjection($name: String!) {
    retryProjection(name: $name) {
      ...OperationsProjectionStatus
    }
  }
`);
const SkipMutation = graphql(`
  mutation OperationsSkipProjectionEvent($name: String!) {
    skipProjectionEvent(name: $name) {
      ...OperationsProjectionStatus
    }
  }
`);
const RebuildMutation = graphql(`
  mutation OperationsRebuildProjection($name: String!) {
    rebuildProjection(name: $name) {
      ...OperationsProjectionStatus
    }
  }
`);

type Status = OperationsProjectionStatusFragment;

interface Pending {
  readonly action: ProjectionAction;
  readonly status: Status;
}

/** Asks before a skip or a rebuild, in a modal dialog (Escape or Cancel backs out). */
function ConfirmDialog({
  pending,
  onConfirm,
  onCancel,
}: {
  pending: Pending | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (pending && !element.open) {
      element.showModal();
      // Backing out is the safe choice: it has the focus.
      cancel.current?.focus();
    }
    if (!pending && element.open) element.close();
  }, [pending]);
  const status = pending?.status;
  const title = pending?.action === 'skip' ? `Skip the failed event of ${status?.name}?` : `Rebuild ${status?.name}?`;
  return (
    <dialog
      ref={dialog}
      className="confirm"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-text"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      {pending && status ? (
        <>
          <h2 id="confirm-title">{title}</h2>
          <div id="confirm-text">
            {pending.action === 'skip' ? (
              <>
                <p>
                  The event is moved to the dead letters and never applied to this projection; it carries on after it.
                </p>
                {status.failure ? (
                  <p className="muted">
                    {status.failure.eventType} {status.failure.eventId} at position {status.failure.position} (stream{' '}
                    {status.failure.streamId}): {status.failure.error}
                  </p>
                ) : null}
              </>
            ) : (
              <p>
                Generation {status.generation + 1} is built from the start of the log beside the live one, which keeps
                serving until the new one has caught up; then they swap and generation {status.generation} is dropped.
              </p>
            )}
          </div>
          <div className="confirm-buttons">
            <button type="button" onClick={onConfirm}>
              {pending.action === 'skip' ? 'Skip the event' : 'Rebuild'}
            </button>
            <button ref={cancel} type="button" className="secondary" onClick={onCancel}>
              Cancel
            </button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}

function StateCell({ status }: { status: Status }) {
  return (
    <>
      <span className={`state state-${status.state}`}>{STATE_WORDS[status.state]}</span>
      {status.rebuild ? (
        <div className="rebuild">
          <progress
            max={1}
            value={status.rebuild.progress ?? undefined}
            aria-label={`Rebuild of ${status.name}`}
            aria-valuetext={rebuildText(status.rebuild)}
          />
          <span className="rebuild-text">{rebuildText(status.rebuild)}</span>
          {status.rebuild.failure ? (
            <span className="error-text">
              The new generation stopped at {status.rebuild.failure.eventType}: {status.rebuild.failure.error}
            </span>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

function ErrorCell({ status }: { status: Status }) {
  if (status.failure)
    return (
      <span className="error-text">
        {status.failure.eventType} at position {status.failure.position}: {status.failure.error}{' '}
        <span className="muted">({dateTime(status.failure.at)})</span>
      </span>
    );
  if (status.lastError) return <span className="error-text">{status.lastError}</span>;
  return <span className="muted">none</span>;
}

/** Every projection, live through the projectionStatus subscription, with the admin's actions. */
export function ProjectionsPanel() {
  const [{ data, error, fetching }, refresh] = useQuery({ query: ProjectionsQuery });
  const [live] = useSubscription({ query: ProjectionStatusSubscription });
  const [statuses, setStatuses] = useState<Status[] | null>(null);
  const [lastPush, setLastPush] = useState<Date | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const [failed, setFailed] = useState<{ name: string; action: ProjectionAction; error: CombinedError } | null>(null);
  const [, pause] = useMutation(PauseMutation);
  const [, resume] = useMutation(ResumeMutation);
  const [, retry] = useMutation(RetryMutation);
  const [, skip] = useMutation(SkipMutation);
  const [, rebuild] = useMutation(RebuildMutation);

  useEffect(() => {
    if (data) setStatuses((shown) => (shown ? mergeStatuses(shown, data.projections) : data.projections));
  }, [data]);
  useEffect(() => {
    const pushed = live.data?.projectionStatus;
    if (!pushed) return;
    setStatuses((shown) => (shown ? mergeStatuses(shown, pushed) : pushed));
    setLastPush(new Date());
  }, [live.data]);

  const run = async (action: ProjectionAction, name: string) => {
    setBusy(name);
    setFailed(null);
    const variables = { name };
    const mutate = { pause, resume, retry, skip, rebuild }[action];
    const result = await mutate(variables);
    setBusy(null);
    if (result.error) {
      setFailed({ name, action, error: result.error });
      return;
    }
    const answer = result.data
      ? 'pauseProjection' in result.data
        ? result.data.pauseProjection
        : 'resumeProjection' in result.data
          ? result.data.resumeProjection
          : 'retryProjection' in result.data
            ? result.data.retryProjection
            : 'skipProjectionEvent' in result.data
              ? result.data.skipProjectionEvent
              : result.data.rebuildProjection
      : null;
    if (answer) setStatuses((shown) => replaceStatus(shown ?? [], answer));
    setSaid(`${name}: ${ACTION_DONE[action]}.`);
  };

  const ask = (action: ProjectionAction, status: Status) => {
    if (NEEDS_CONFIRMATION.has(action)) setPending({ action, status });
    else void run(action, status.name);
  };

  const hold = statuses?.find((status) => status.logHeldBack)?.logHeldBack ?? null;

  return (
    <section aria-labelledby="projections-heading">
      <h2 id="projections-heading">Projections</h2>
      <p className="live-line">
        <span className={live.error ? 'live-off' : 'live-on'}>
          {live.error ? 'Live updates stopped' : lastPush ? 'Live' : 'Connecting for live updates…'}
        </span>
        {lastPush && !live.error ? <span className="muted"> · last update {dateTime(lastPush)}</span> : null}{' '}
        <button type="button" className="secondary" onClick={() => refresh({ requestPolicy: 'network-only' })}>
          Refresh
        </button>
      </p>
      {live.error ? <ErrorNotice error={live.error} /> : null}
      <p className="visually-hidden" role="status" aria-live="polite">
        {said}
      </p>
      {fetching && !statuses ? <Loading what="projections" /> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {failed ? (
        <div className="action-error">
          <p>
            Could not {ACTION_LABELS[failed.action].toLowerCase()} {failed.name}:
          </p>
          <ErrorNotice error={failed.error} />
        </div>
      ) : null}
      {hold ? (
        <p className="notice notice-warn" role="alert">
          {logHoldText(hold)}
        </p>
      ) : null}
      {statuses && statuses.length === 0 ? <Empty>No projection is registered.</Empty> : null}
      {statuses && statuses.length > 0 ? (
        <ScrollTable
          className="projections"
          caption={`${statuses.length} projection${statuses.length === 1 ? '' : 's'}: state, lag behind the log, speed and errors, updated live`}
          columns={[
            'Projection',
            'State',
            numeric('Lag'),
            numeric('Events/s'),
            numeric('Processed'),
            numeric('Generation'),
            'Last error',
            'Actions',
          ]}
        >
          <tbody>
            {statuses.map((status) => (
              <tr key={status.name} data-projection={status.name}>
                <th scope="row">
                  <span className="projection-name">{status.name}</span>
                  <div className="muted small">
                    version {status.version} · checkpoint {status.checkpoint}
                  </div>
                  <div className="muted small">updated {dateTime(status.updatedAt)}</div>
                </th>
                <td>
                  <StateCell status={status} />
                </td>
                <td className="numeric lag">
                  <div>{lagEventsText(status.lagEvents)}</div>
                  <div>{lagSecondsText(status.lagSeconds)}</div>
                  {status.logHeldBack ? <div className="warn-text small">log held back</div> : null}
                </td>
                <td className="numeric">{decimal(status.eventsPerSecond, 1)}</td>
                <td className="numeric">{count(status.eventsProcessed)}</td>
                <td className="numeric">{count(status.generation)}</td>
                <td>
                  <ErrorCell status={status} />
                </td>
                <td>
                  <div className="actions">
                    {actionsFor(status).map((action) => (
                      <button
                        key={action}
                        type="button"
                        className={action === 'pause' || action === 'resume' ? undefined : 'secondary'}
                        disabled={busy === status.name}
                        aria-label={`${ACTION_LABELS[action]} ${status.name}`}
                        onClick={() => ask(action, status)}
                      >
                        {ACTION_LABELS[action]}
                        {NEEDS_CONFIRMATION.has(action) ? '…' : ''}
                      </button>
                    ))}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      ) : null}
      <ConfirmDialog
        pending={pending}
        onCancel={() => setPending(null)}
        onConfirm={() => {
          if (!pending) return;
          const { action, status } = pending;
          setPending(null);
          void run(action, status.name);
        }}
      />
    </section>
  );
}
