import type { Projection } from '#projections';
import { activitiesArea } from './activities.area.js';
import { DirectoryBatch, type DirectoryArea, type EventHandler } from './area.js';
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

const HANDLERS: ReadonlyMap<string, EventHandler> = new Map(DIRECTORY_AREAS.flatMap((area) => area.handlers));

/**
 * Current-state read models of the directory: programmes and territories, projects, organisations,
 * the partnership, carers by pseudonym, activities with attendance and feedback, committee goals,
 * information channels, decisions, suggestions, evidence with coded observations, and barriers.
 *
 * A batch is folded in memory (one handler per event type, no I/O), then written set-based: at
 * most an INSERT and an UPDATE per table touched, whatever the batch size.
 */
export const directoryProjection: Projection = {
  name: 'directory',
  version: 4,
  eventTypes: [...HANDLERS.keys()],
  tables: DIRECTORY_AREAS.flatMap((area) => area.tables),
  async apply(events, { tx, table }) {
    const batch = new DirectoryBatch();
    for (const event of events) HANDLERS.get(event.type)?.(event, batch);
    await batch.flush(tx, table);
  },
};
