import type { ReactNode } from 'react';

/** One column of a table: its header, and whether it holds numbers (right-aligned). */
export type Column = string | { readonly label: string; readonly numeric: true };

/** A column of numbers: its header is right-aligned like its cells. */
export function numeric(label: string): Column {
  return { label, numeric: true };
}

/** The header row of a table: a `th scope="col"` per column, the numeric ones right-aligned. */
export function HeadRow({ columns }: { columns: readonly Column[] }) {
  return (
    <tr>
      {columns.map((column, index) =>
        typeof column === 'string' ? (
          <th scope="col" key={index}>
            {column}
          </th>
        ) : (
          <th scope="col" key={index} className="numeric">
            {column.label}
          </th>
        ),
      )}
    </tr>
  );
}

/**
 * A captioned table that scrolls sideways on a narrow screen: the caption names it, the columns'
 * headers make its head, `children` are its body and foot.
 */
export function ScrollTable({
  className,
  caption,
  colgroups,
  groups,
  columns,
  children,
}: {
  className?: string;
  caption: ReactNode;
  /** `colgroup`s, between the caption and the head. */
  colgroups?: ReactNode;
  /** A row of group headings above the columns' own. */
  groups?: ReactNode;
  columns: readonly Column[];
  children: ReactNode;
}) {
  return (
    <div className="table-scroll">
      <table className={className}>
        <caption>{caption}</caption>
        {colgroups}
        <thead>
          {groups}
          <HeadRow columns={columns} />
        </thead>
        {children}
      </table>
    </div>
  );
}
