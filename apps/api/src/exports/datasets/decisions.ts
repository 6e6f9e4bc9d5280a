import { carerById, decisionsList, suggestionsList } from '#read-models/directory';
import { toCarer } from '../../carer/carer.mappers.js';
import { toDecision } from '../../decision/decision.mappers.js';
import { toSuggestion } from '../../suggestion/suggestion.mappers.js';
import { inColumns, iso, type Column, type TableDataset } from '../dataset.js';

const RECORDS_NOW = { asOf: false, knownAt: false } as const;

export const DECISION_COLUMNS: readonly Column[] = [
  { name: 'decision_id', description: 'The decision.' },
  { name: 'project_id', description: 'Its project.' },
  { name: 'description', description: 'What was decided (as last revised).' },
  { name: 'original_description', description: 'What was first decided.' },
  { name: 'decided_by_organisation_id', description: 'The organisation that took it.' },
  { name: 'decided_by_role', description: 'The role of who took it.' },
  { name: 'affects_carers', description: 'Whether it affects carers.' },
  { name: 'carers_consulted', description: 'Whether carers were consulted (as last revised).' },
  { name: 'originally_carers_consulted', description: 'Whether carers were consulted when it was first taken.' },
  { name: 'carer_involvement', description: 'How carers were involved, when recorded.' },
  { name: 'activity_ids', description: 'The activities it covers, separated by spaces (none: empty).' },
  { name: 'taken_at', description: 'When it was taken.' },
  { name: 'status', description: 'Its status now.' },
  { name: 'contested_count', description: 'How many times it was contested.' },
  { name: 'contested_by_carers_count', description: 'How many of those by carers.' },
  { name: 'last_contested_at', description: 'When it was last contested.' },
  { name: 'revision_count', description: 'How many times it was revised.' },
  { name: 'last_revised_at', description: 'When it was last revised.' },
  { name: 'last_revision_reason', description: 'Why it was last revised.' },
];

/** A project's decisions, as `project { decisions }` lists them now. */
export const decisionsDataset: TableDataset = {
  name: 'decisions',
  title: 'Decisions and how they were received',
  operation: 'project',
  scopes: ['project'],
  timeTravel: RECORDS_NOW,
  columns: DECISION_COLUMNS,
  async *rows({ scope, sources }) {
    if (!('projectId' in scope)) return;
    for await (const { nodes } of sources.pages(decisionsList, toDecision, scope.projectId, null)) {
      for (const decision of nodes) {
        yield inColumns(DECISION_COLUMNS, {
          decision_id: decision.id,
          project_id: decision.projectId,
          description: decision.description,
          original_description: decision.originalDescription,
          decided_by_organisation_id: decision.decidedByOrganisationId,
          decided_by_role: decision.decidedByRole,
          affects_carers: decision.affectsCarers,
          carers_consulted: decision.carersConsulted,
          originally_carers_consulted: decision.originallyCarersConsulted,
          carer_involvement: decision.carerInvolvement,
          activity_ids: decision.activityIds.join(' '),
          taken_at: iso(decision.takenAt),
          status: decision.status,
          contested_count: decision.contestedCount,
          contested_by_carers_count: decision.contestedByCarersCount,
          last_contested_at: iso(decision.lastContestedAt),
          revision_count: decision.revisionCount,
          last_revised_at: iso(decision.lastRevisedAt),
          last_revision_reason: decision.lastRevisionReason,
        });
      }
    }
  },
};

export const SUGGESTION_COLUMNS: readonly Column[] = [
  { name: 'suggestion_id', description: 'The suggestion.' },
  { name: 'project_id', description: 'Its project.' },
  { name: 'suggested_by_role', description: 'The role of who made it.' },
  {
    name: 'carer_pseudonym',
    description: 'The carer who made it, by pseudonym (never id or name); empty when not a carer.',
  },
  { name: 'carer_erased', description: "true when that carer's personal data was erased." },
  { name: 'organisation_id', description: 'The organisation that made it, when staff did.' },
  { name: 'topic', description: 'Its topic.' },
  { name: 'description', description: 'What was suggested.' },
  { name: 'status', description: 'made, adopted, declined or implemented.' },
  { name: 'made_at', description: 'When it was made.' },
  { name: 'adopted_at', description: 'When it was adopted.' },
  { name: 'adoption_note', description: 'Note on adoption.' },
  { name: 'decision_id', description: 'The decision that adopted it.' },
  { name: 'declined_at', description: 'When it was declined.' },
  { name: 'decline_reason', description: 'Why it was declined.' },
  { name: 'decline_note', description: 'Note on the decline.' },
  { name: 'implemented_at', description: 'When it was implemented.' },
  { name: 'implementation_note', description: 'Note on implementation.' },
];

/** A project's suggestions, as `project { suggestions { carer { pseudonym erased } } }` answers now. */
export const suggestionsDataset: TableDataset = {
  name: 'suggestions',
  title: 'Suggestions and what became of them',
  operation: 'project',
  scopes: ['project'],
  timeTravel: RECORDS_NOW,
  columns: SUGGESTION_COLUMNS,
  async *rows({ scope, sources }) {
    if (!('projectId' in scope)) return;
    for await (const { nodes, loaders } of sources.pages(suggestionsList, toSuggestion, scope.projectId, null)) {
      const carers = await Promise.all(
        nodes.map((suggestion) =>
          suggestion.carerId === null ? null : loaders.one(carerById, toCarer, suggestion.carerId),
        ),
      );
      for (const [index, suggestion] of nodes.entries()) {
        const carer = carers[index] ?? null;
        yield inColumns(SUGGESTION_COLUMNS, {
          suggestion_id: suggestion.id,
          project_id: suggestion.projectId,
          suggested_by_role: suggestion.suggestedByRole,
          carer_pseudonym: carer?.pseudonym ?? null,
          carer_erased: carer ? carer.erased : null,
          organisation_id: suggestion.organisationId,
          topic: suggestion.topic,
          description: suggestion.description,
          status: suggestion.status,
          made_at: iso(suggestion.madeAt),
          adopted_at: iso(suggestion.adoptedAt),
          adoption_note: suggestion.adoptionNote,
          decision_id: suggestion.decisionId,
          declined_at: iso(suggestion.declinedAt),
          decline_reason: suggestion.declineReason,
          decline_note: suggestion.declineNote,
          implemented_at: iso(suggestion.implementedAt),
          implementation_note: suggestion.implementationNote,
        });
      }
    }
  },
};
