import type { Projection } from '#projections';
import { activitiesArea } from './activities.area.js';
import { composeAreas, DirectoryBatch, type DirectoryArea } from './directory-area.js';
import { barriersArea } from './barriers.area.js';
import { carersArea } from './carers.area.js';
import { channelsArea } from './channels.area.js';
import { committeeArea } from './committee.area.js';
import { decisionsArea } from './decisions.area.js';
import { evidenceArea } from './evidence.area.js';
import { organisationsArea } from './organisations.area.js';
import { partnershipArea } from './partnership.area.js';
import { programmesArea } from './programmes.area.js';
import { projectsArea } from './projects.area.js';
import { suggestionsArea } from './suggestions.area.js';
import { surveyInstrumentsArea } from './survey-instruments.area.js';

/** The directory projection's name: what its queries wait for (`atLeastPosition`). */
export const DIRECTORY_PROJECTION = 'directory';

export const DIRECTORY_AREAS: readonly DirectoryArea[] = [
  programmesArea,
  projectsArea,
  organisationsArea,
  partnershipArea,
  carersArea,
  surveyInstrumentsArea,
  activitiesArea,
  committeeArea,
  channelsArea,
  decisionsArea,
  suggestionsArea,
  evidenceArea,
  barriersArea,
];

const AREAS = composeAreas(DIRECTORY_AREAS);

/**
 * Current-state read models of the directory: programmes and territories, projects, organisations,
 * the partnership, carers by pseudonym, activities with attendance and feedback, committee goals,
 * information channels, decisions, suggestions, evidence with coded observations, and barriers.
 * It subscribes to exactly the event types its areas handle.
 *
 * A batch is folded in memory (the handlers do no I/O), then written set-based: at most an INSERT
 * and an UPDATE per table touched, whatever the batch size.
 */
export const directoryProjection: Projection = {
  name: DIRECTORY_PROJECTION,
  // 6: channel readings keep their kind (increment or running total). 7: a decision lists the
  // activities it covers (rm_decisions.activity_ids, rm_decision_activities; was activity_id).
  // 8: survey instruments keep who answers them and the wording of their items.
  version: 8,
  eventTypes: AREAS.eventTypes,
  tables: DIRECTORY_AREAS.flatMap((area) => area.tables),
  async apply(events, { tx, table }) {
    const batch = new DirectoryBatch();
    for (const event of events) AREAS.handle(event, batch);
    await batch.flush(tx, table);
  },
};
