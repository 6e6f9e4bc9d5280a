import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import {
  coordinationConcernsList,
  coordinationMeetingsList,
  membersList,
  membersOfPartner,
  organisationById,
  partnersList,
} from '#read-models/directory';
import { validated } from '../command-side/validated.js';
import { toOrganisation } from '../organisation/organisation.mappers.js';
import { Organisation } from '../organisation/organisation.models.js';
import { Project } from '../project/project.models.js';
import { DirectoryLoadersFactory } from '../read-side/directory-loaders.js';
import { AFTER_ARG, FIRST_ARG, listPageRequest } from '../read-side/pagination.js';
import {
  CoordinationConcernFilterInput,
  CoordinationMeetingFilterInput,
  PartnerFilterInput,
  PartnerMemberFilterInput,
} from './partnership.filters.js';
import { toCoordinationConcern, toCoordinationMeeting, toPartner, toPartnerMember } from './partnership.mappers.js';
import {
  CoordinationConcern,
  CoordinationConcernConnection,
  CoordinationMeetingConnection,
  Partner,
  PartnerConnection,
  PartnerMember,
  PartnerMemberConnection,
} from './partnership.models.js';

/*
 * Fields that follow a link from one record to others go through the request's DataLoaders, so
 * resolving one for many parents costs one statement. Parents are typed `Readonly<...>` so the
 * validation pipe leaves them alone (it validates class-typed parameters).
 */

/** A project's partnership: partner organisations, their members, coordination meetings and concerns. */
@Resolver(() => Project)
export class ProjectPartnershipResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @ResolveField(() => PartnerConnection, { description: 'The partner organisations, by joining date.' })
  partners(
    @Parent() project: Readonly<Project>,
    @Args('filter', { type: () => PartnerFilterInput, nullable: true }, validated(PartnerFilterInput))
    filter: PartnerFilterInput | null,
    @Args('first', FIRST_ARG) first: number | null,
    @Args('after', AFTER_ARG) after: string | null,
    @Context() context: object,
  ) {
    const request = listPageRequest(partnersList, first, after);
    return this.loaders.for(context).connection(partnersList, toPartner, project.id, filter ?? null, request);
  }

  @ResolveField(() => PartnerMemberConnection, { description: 'Members of the partner organisations.' })
  members(
    @Parent() project: Readonly<Project>,
    @Args('filter', { type: () => PartnerMemberFilterInput, nullable: true }, validated(PartnerMemberFilterInput))
    filter: PartnerMemberFilterInput | null,
    @Args('first', FIRST_ARG) first: number | null,
    @Args('after', AFTER_ARG) after: string | null,
    @Context() context: object,
  ) {
    const request = listPageRequest(membersList, first, after);
    return this.loaders.for(context).connection(membersList, toPartnerMember, project.id, filter ?? null, request);
  }

  @ResolveField(() => CoordinationMeetingConnection, {
    description: 'Coordination meetings between partners, by date.',
  })
  coordinationMeetings(
    @Parent() project: Readonly<Project>,
    @Args(
      'filter',
      { type: () => CoordinationMeetingFilterInput, nullable: true },
      validated(CoordinationMeetingFilterInput),
    )
    filter: CoordinationMeetingFilterInput | null,
    @Args('first', FIRST_ARG) first: number | null,
    @Args('after', AFTER_ARG) after: string | null,
    @Context() context: object,
  ) {
    const request = listPageRequest(coordinationMeetingsList, first, after);
    return this.loaders
      .for(context)
      .connection(coordinationMeetingsList, toCoordinationMeeting, project.id, filter ?? null, request);
  }

  @ResolveField(() => CoordinationConcernConnection, { description: 'Concerns partners raised, in the order raised.' })
  coordinationConcerns(
    @Parent() project: Readonly<Project>,
    @Args(
      'filter',
      { type: () => CoordinationConcernFilterInput, nullable: true },
      validated(CoordinationConcernFilterInput),
    )
    filter: CoordinationConcernFilterInput | null,
    @Args('first', FIRST_ARG) first: number | null,
    @Args('after', AFTER_ARG) after: string | null,
    @Context() context: object,
  ) {
    const request = listPageRequest(coordinationConcernsList, first, after);
    return this.loaders
      .for(context)
      .connection(coordinationConcernsList, toCoordinationConcern, project.id, filter ?? null, request);
  }
}

@Resolver(() => Partner)
export class PartnerFieldsResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @ResolveField(() => Organisation, { nullable: true })
  organisation(@Parent() partner: Readonly<Partner>, @Context() context: object) {
    return this.loaders.for(context).one(organisationById, toOrganisation, partner.organisationId);
  }

  @ResolveField(() => [PartnerMember], { description: "The organisation's members in this project." })
  async members(
    @Parent() partner: Readonly<Partner>,
    @Args('includeRemoved', { defaultValue: false, description: 'Also list members who were removed.' })
    includeRemoved: boolean,
    @Context() context: object,
  ) {
    const members = await this.loaders
      .for(context)
      .many(membersOfPartner, toPartnerMember, partner.projectId, partner.organisationId);
    return includeRemoved ? members : members.filter((member) => member.status === 'current');
  }
}

@Resolver(() => PartnerMember)
export class PartnerMemberFieldsResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @ResolveField(() => Organisation, { nullable: true })
  organisation(@Parent() member: Readonly<PartnerMember>, @Context() context: object) {
    return this.loaders.for(context).one(organisationById, toOrganisation, member.organisationId);
  }
}

@Resolver(() => CoordinationConcern)
export class CoordinationConcernFieldsResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @ResolveField(() => Organisation, { nullable: true })
  raisedByOrganisation(@Parent() concern: Readonly<CoordinationConcern>, @Context() context: object) {
    return this.loaders.for(context).one(organisationById, toOrganisation, concern.raisedByOrganisationId);
  }
}
