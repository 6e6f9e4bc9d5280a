import { forwardRef } from 'react';
import type { SignalsViewSignalFragment } from '../../gql/graphql';
import { DataTable, type Column } from '../../ui/data-table';
import { count, date, decimal, percent } from '../../ui/format';
import { Suppressed } from '../../ui/status';
import { figure, isBelow, lastDayOf, minCarersIn, signalValue } from './signal-series';

type Indicator = SignalsViewSignalFragment['breakdown'][number];

function Withheld({ reason }: { reason: string | null }) {
  return (
    <>
      <Suppressed minCarers={minCarersIn(reason)} />
      {reason ? <span className="reason muted">{reason}</span> : null}
    </>
  );
}

const columns: Column<Indicator>[] = [
  {
    header: 'Indicator',
    cell: (indicator) => (
      <>
        <span className="indicator-label">{indicator.label}</span>
        <span className="formula muted">{indicator.formula}</span>
        {indicator.suppressed && indicator.suppressionReason ? (
          <span className="reason suppressed">{indicator.suppressionReason}</span>
        ) : null}
      </>
    ),
  },
  {
    header: 'Value',
    numeric: true,
    cell: (indicator) =>
      indicator.suppressed ? (
        <Suppressed minCarers={minCarersIn(indicator.suppressionReason)} />
      ) : indicator.value === null ? (
        <span className="muted">no data</span>
      ) : (
        signalValue(indicator.value)
      ),
  },
  {
    header: 'Numerator',
    numeric: true,
    cell: (indicator) => (
      <>
        <span className="figure">{indicator.suppressed ? 'withheld' : figure(indicator.numerator)}</span>
        <span className="figure-label muted">{indicator.numeratorLabel}</span>
      </>
    ),
  },
  {
    header: 'Denominator',
    numeric: true,
    cell: (indicator) => (
      <>
        <span className="figure">{indicator.suppressed ? 'withheld' : figure(indicator.denominator)}</span>
        <span className="figure-label muted">{indicator.denominatorLabel}</span>
      </>
    ),
  },
  {
    header: 'Weight',
    numeric: true,
    cell: (indicator) => (
      <>
        <span className="figure">{decimal(indicator.weight)}</span>
        <span className="figure-label muted">
          {indicator.included ? `counts ${percent(indicator.effectiveWeight, 1)}` : 'left out'}
        </span>
      </>
    ),
  },
  {
    header: 'Carers',
    numeric: true,
    cell: (indicator) =>
      indicator.suppressed ? (
        <Suppressed minCarers={minCarersIn(indicator.suppressionReason)} />
      ) : indicator.carerCount === null ? (
        <span className="muted">not from carers</span>
      ) : (
        count(indicator.carerCount)
      ),
  },
];

/**
 * How one signal of one period was computed: its value (or why it was withheld), the note on what
 * was left out, and each indicator's value, numerator, denominator, weight and formula.
 */
export const SignalBreakdown = forwardRef<
  HTMLHeadingElement,
  {
    signal: SignalsViewSignalFragment;
    periodName: string;
    window: { from: string; to: string };
    warnings: ReadonlyArray<{ kind: string; message: string }>;
    onClose: () => void;
  }
>(function SignalBreakdown({ signal, periodName, window, warnings, onClose }, heading) {
  const below = isBelow(signal.value, signal.warnBelow);
  return (
    <section className="breakdown" aria-labelledby="signal-breakdown-heading">
      <div className="breakdown-head">
        <h3 id="signal-breakdown-heading" ref={heading} tabIndex={-1}>
          {signal.label}, {periodName}: breakdown
        </h3>
        <button type="button" className="secondary no-print" onClick={onClose}>
          Close breakdown
        </button>
      </div>
      <p className="breakdown-value">
        {signal.suppressed ? (
          <>
            Value: <Withheld reason={signal.suppressionReason} />
          </>
        ) : signal.value === null ? (
          <>Value: no indicator has data in this period.</>
        ) : (
          <>
            Value: <strong className={below ? 'missed' : undefined}>{signalValue(signal.value)}</strong>
            {signal.warnBelow !== null ? (
              <span className="muted">
                {' '}
                ({below ? 'below' : 'at or above'} its threshold of {signalValue(signal.warnBelow)})
              </span>
            ) : null}
          </>
        )}
      </p>
      <p className="muted">
        {date(window.from)} to {date(lastDayOf(window.to))} · weights counted {decimal(signal.includedWeight)} of{' '}
        {decimal(signal.totalWeight)}
        {signal.carerCount !== null ? ` · ${count(signal.carerCount)} carers` : ''}
      </p>
      {signal.note ? <p className="note">{signal.note}</p> : null}
      {warnings.length > 0 ? (
        <ul className="breakdown-warnings">
          {warnings.map((warning) => (
            <li key={`${warning.kind}:${warning.message}`}>{warning.message}</li>
          ))}
        </ul>
      ) : null}
      <DataTable
        caption={`Indicators of ${signal.label.toLowerCase()}, ${periodName}: value = weighted mean of the indicators with data`}
        columns={columns}
        rows={signal.breakdown}
        rowKey={(indicator) => indicator.key}
      />
    </section>
  );
});
