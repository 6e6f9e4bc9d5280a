import { Fragment, type ReactNode } from 'react';
import { dateTime, words } from '../../ui/format';

/** Yes, no, or not recorded (null), in words. */
export function yesNo(value: boolean | null | undefined): string {
  if (value === null || value === undefined) return 'not recorded';
  return value ? 'yes' : 'no';
}

/** `: text` after a value, or nothing when there is no text (a reason, a note). */
export function colonNote(text: string | null | undefined): string {
  return text ? `: ${text}` : '';
}

/** "committee (org-home-care)": who decided, with the organisation when there is one. */
export function decidedBy(role: string, organisationId: string | null | undefined): string {
  return `${words(role)}${organisationId ? ` (${organisationId})` : ''}`;
}

/** The first cell of a row: when the record happened, and what follows it (e.g. a reschedule). */
export function DateCell({ at, children }: { at: string; children?: ReactNode }) {
  return (
    <td className="records-date">
      {dateTime(at)}
      {children}
    </td>
  );
}

/** A record's status as a coloured word. */
export function Status({ status }: { status: string }) {
  return <span className={`records-status records-status-${status}`}>{words(status)}</span>;
}

/** A detail line under a cell's main text. */
export function Detail({ plain = false, children }: { plain?: boolean; children: ReactNode }) {
  return <span className={plain ? 'records-detail records-detail-plain' : 'records-detail'}>{children}</span>;
}

/** One term of a `records-facts` list and what it says. */
export function Fact({ term, className, children }: { term: string; className?: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd className={className}>{children}</dd>
    </>
  );
}

/** A quote from the evidence, with who said it. */
export function Quote({ quote }: { quote: { readonly text: string; readonly attribution: string } }) {
  return (
    <blockquote className="records-quote">
      <q>{quote.text}</q> — {quote.attribution}
    </blockquote>
  );
}

/** A taxonomy code (`antecedent_system_mobility_issues`) that may wrap after each underscore. */
export function Code({ value }: { value: string }) {
  const parts = value.split('_');
  return (
    <code>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {part}
          {index < parts.length - 1 ? (
            <>
              _<wbr />
            </>
          ) : null}
        </Fragment>
      ))}
    </code>
  );
}
