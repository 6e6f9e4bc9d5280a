import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { carerAggregate, carerStreamId, hasConsent } from '#domain';
import { CommandExecutor } from '#command-side';
import { EVENT_STORE, type Actor, type EventStore } from '#event-store';
import { OPERATIONAL_DATABASE, type SqlDatabase } from '#database';
import { projectIdsOfTerritory } from '#read-models/directory';
import { accessError } from './access.reasons.js';
import { ProjectMemberships, type ProjectMembership } from './project-memberships.js';

export type { ProjectMembership } from './project-memberships.js';

/** How many carers' registrations are kept: a registration is the carer stream's first event and never changes. */
const REGISTRATIONS_KEPT = 20_000;

export interface CarerRegistration {
  readonly projectId: string;
  readonly registeredByOrganisationId: string;
}

/**
 * The one answer to "is this caller a member of this project?", shared by the GraphQL guard,
 * the result checks of by-id queries and the command executor. Admins operate the platform and
 * belong to every project; an organisation's members belong to the projects it launched or
 * partners in now; a carer belongs to the project that registered them.
 */
@Injectable()
export class ProjectAccess {
  private readonly memberships: ProjectMemberships;
  private readonly registrations = new LRUCache<string, CarerRegistration>({ max: REGISTRATIONS_KEPT });

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(OPERATIONAL_DATABASE) private readonly database: SqlDatabase,
    private readonly executor: CommandExecutor,
  ) {
    this.memberships = new ProjectMemberships(store);
  }

  membership(projectId: string): Promise<ProjectMembership> {
    return this.memberships.of(projectId);
  }

  async carerRegistration(carerId: string): Promise<CarerRegistration | null> {
    const kept = this.registrations.get(carerId);
    if (kept) return kept;
    const [registered] = await this.store.readStream(carerStreamId(carerId), { limit: 1 });
    if (!registered) return null;
    const data = registered.data as { projectId?: unknown; registeredByOrganisationId?: unknown };
    if (typeof data.projectId !== 'string' || typeof data.registeredByOrganisationId !== 'string') return null;
    const registration = { projectId: data.projectId, registeredByOrganisationId: data.registeredByOrganisationId };
    this.registrations.set(carerId, registration);
    return registration;
  }

  /**
   * Whether the carer has consented to the processing of their data (and not withdrawn it): what a
   * carer needs to enter their own answers, as on a tablet at the session. Read from the carer's
   * stream each time: a consent withdrawn a moment ago counts.
   */
  async consentsToProcessing(carerId: string): Promise<boolean> {
    return hasConsent(await this.executor.loadState(carerAggregate, carerStreamId(carerId)), 'data_processing');
  }

  async isMember(actor: Actor, projectId: string): Promise<boolean> {
    if (actor.role === 'admin') return true;
    if (actor.role === 'carer') return (await this.carerRegistration(actor.id))?.projectId === projectId;
    if (!actor.organisationId) return false;
    const membership = await this.membership(projectId);
    // An unknown project is left to the operation to report as NOT_FOUND.
    if (!membership.exists) return true;
    return membership.launchedBy === actor.organisationId || membership.partners.has(actor.organisationId);
  }

  /** Refuses, with FORBIDDEN, a caller who is not a member of the project. */
  async requireMember(actor: Actor, projectId: string): Promise<void> {
    if (!(await this.isMember(actor, projectId)))
      throw accessError('NOT_A_PROJECT_MEMBER', `You are not a member of project ${projectId}`, { projectId });
  }

  /** A territory's aggregates mix its projects: only a member of every one of them may read them. */
  async requireTerritoryMember(actor: Actor, territoryId: string): Promise<void> {
    if (actor.role === 'admin') return;
    for (const projectId of await projectIdsOfTerritory(this.database, territoryId)) {
      if (!(await this.isMember(actor, projectId)))
        throw accessError(
          'NOT_A_TERRITORY_MEMBER',
          `Territory ${territoryId} includes projects you are not a member of`,
          { territoryId },
        );
    }
  }

  /**
   * Who may read or change a carer's identifying data: the carer, and members of the provider
   * organisation that registered them. Nobody else, admins included.
   */
  async mayIdentify(actor: Actor, carerId: string, registeredByOrganisationId?: string): Promise<boolean> {
    if (actor.role === 'carer') return actor.id === carerId;
    if (actor.role !== 'provider' || !actor.organisationId) return false;
    const registrar = registeredByOrganisationId ?? (await this.carerRegistration(carerId))?.registeredByOrganisationId;
    return registrar === actor.organisationId;
  }
}
