import { conditions, equals } from './directory-filters.js';
import { type DirectoryList, lookup } from './directory-query.js';
import { evidenceTable, observationsTable } from './evidence.area.js';

export interface EvidenceFilter {
  readonly kind?: string | null;
  readonly phase?: string | null;
}

export interface ObservationFilter {
  readonly taxonomy?: string | null;
  /** A code of the taxonomy, e.g. insufficient_trust. */
  readonly code?: string | null;
  readonly kind?: string | null;
  readonly stage?: string | null;
  readonly level?: string | null;
  readonly evidenceKind?: string | null;
  readonly phase?: string | null;
}

/** A project's interviews, workshops and reflexive notes, in the order recorded. */
export const evidenceList: DirectoryList<EvidenceFilter | null> = {
  name: 'evidence',
  from: `${evidenceTable.name} t`,
  columns: 't.*',
  parent: 'project_id',
  order: [
    { column: 'recorded_at', type: 'timestamptz' },
    { column: 'evidence_id', type: 'text' },
  ],
  where: (filter, params) => conditions(filter, params, { kind: equals('kind'), phase: equals('phase') }),
};

/** The coded observations of every piece of evidence of a project, in the order coded. */
export const observationsList: DirectoryList<ObservationFilter | null> = {
  name: 'observations',
  from: `${observationsTable.name} t`,
  columns: 't.*',
  parent: 'project_id',
  order: [
    { column: 'coded_at', type: 'timestamptz' },
    { column: 'evidence_id', type: 'text' },
    { column: 'observation_id', type: 'text' },
  ],
  where: (filter, params) =>
    conditions(filter, params, {
      taxonomy: equals('taxonomy'),
      code: equals('code'),
      kind: equals('kind'),
      stage: equals('stage'),
      level: equals('level'),
      evidenceKind: equals('evidence_kind'),
      phase: equals('phase'),
    }),
};

export const evidenceById = lookup(`${evidenceTable.name} t`, ['evidence_id'], 't.evidence_id');

/** The observations coded in a piece of evidence, in the order coded. */
export const observationsOfEvidence = lookup(
  `${observationsTable.name} t`,
  ['evidence_id'],
  't.coded_at, t.observation_id',
);
