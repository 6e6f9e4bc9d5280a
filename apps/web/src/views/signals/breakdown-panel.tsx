import { forwardRef, useLayoutEffect } from 'react';
import { useQuery } from 'urql';
import { useTimeTravel } from '../../app/time-travel';
import { ErrorNotice, Loading } from '../../ui/status';
import { SignalBreakdown } from './signal-breakdown';
import type { SignalKey } from './signal-series';
import { SignalsBreakdownQuery } from './signals-queries';

/**
 * The breakdown of one signal in one period, asked for when the reader opens it. The four signals
 * of the period come in one answer, so moving between signals of a period asks nothing new.
 */
export const BreakdownPanel = forwardRef<
  HTMLHeadingElement,
  {
    projectId: string;
    signal: SignalKey;
    periodName: string;
    window: { from: string; to: string };
    /** Called once the breakdown is on the page (its heading can take the focus). */
    onShown: () => void;
    onClose: () => void;
  }
>(function BreakdownPanel({ projectId, signal, periodName, window, onShown, onClose }, heading) {
  const { asOf, knownAt } = useTimeTravel();
  const [{ data, error, fetching }] = useQuery({
    query: SignalsBreakdownQuery,
    variables: { projectId, window: { from: window.from, to: window.to }, asOf, knownAt },
  });
  const report = fetching ? undefined : data?.signals;

  // Before paint, so the focus moves with the breakdown's first appearance.
  useLayoutEffect(() => {
    if (report) onShown();
  }, [report, signal, window.from, onShown]);

  if (fetching) return <Loading what={`the ${periodName} breakdown`} />;
  if (error) return <ErrorNotice error={error} />;
  if (!report) return null;
  return (
    <SignalBreakdown
      ref={heading}
      signal={report[signal]}
      periodName={periodName}
      window={window}
      warnings={report.warnings.filter((warning) => warning.signal === signal)}
      onClose={onClose}
    />
  );
});
