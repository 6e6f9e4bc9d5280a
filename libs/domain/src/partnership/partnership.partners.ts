import type { DecisionContext } from '../shared/decider.js';
import { conflict, notFound } from '../shared/errors.js';
import { requireOneOf, requireText } from '../shared/guards.js';
import type {
  AddPartnerMember,
  ClarifyPartnerRoles,
  JoinPartnership,
  LeavePartnership,
  RecordUnclearPartnerRoles,
  RemovePartnerMember,
} from './partnership.commands.js';
import { PARTNER_MEMBER_ROLES, PARTNER_ROLES, type PartnershipEvent } from './partnership.events.js';
import { requireDistinct, requireHappened, requireListSize, requirePseudonymousId } from './partnership.guards.js';
import { formed, requirePartner, type PartnershipState } from './partnership.state.js';

export function joinPartnership(
  { projectId, organisationId, partnerRole }: JoinPartnership['data'],
  state: PartnershipState,
  context: DecisionContext,
): PartnershipEvent[] {
  requireHappened(context);
  const id = requireText('organisationId', organisationId, 100);
  if (state.status === 'formed' && state.partners.has(id)) {
    throw conflict('ORGANISATION_ALREADY_PARTNER', `Organisation ${id} is already a partner of the project`);
  }
  return [
    {
      type: 'OrganisationJoinedPartnership',
      data: { projectId, organisationId: id, partnerRole: requireOneOf('partnerRole', partnerRole, PARTNER_ROLES) },
    },
  ];
}

export function leavePartnership(
  { projectId, organisationId, reason }: LeavePartnership['data'],
  state: PartnershipState,
  context: DecisionContext,
): PartnershipEvent[] {
  const current = formed(state, projectId);
  requirePartner(current, organisationId);
  requireHappened(context);
  // Its members go with it, each as an explicit removal so member projections need no special case.
  const departingMembers: PartnershipEvent[] = [...current.members]
    .filter(([, memberOrganisation]) => memberOrganisation === organisationId)
    .map(([memberId]) => ({ type: 'PartnerMemberRemoved', data: { projectId, organisationId, memberId } }));
  return [
    ...departingMembers,
    {
      type: 'OrganisationLeftPartnership',
      data: { projectId, organisationId, reason: reason === null ? null : requireText('reason', reason, 1000) },
    },
  ];
}

export function addPartnerMember(
  { projectId, organisationId, memberId, memberRole }: AddPartnerMember['data'],
  state: PartnershipState,
  context: DecisionContext,
): PartnershipEvent[] {
  const current = formed(state, projectId);
  requirePartner(current, organisationId);
  requireHappened(context);
  requirePseudonymousId('memberId', memberId);
  if (current.members.has(memberId)) {
    throw conflict('MEMBER_ALREADY_IN_PARTNERSHIP', `Member ${memberId} already belongs to a partner organisation`);
  }
  return [
    {
      type: 'PartnerMemberAdded',
      data: {
        projectId,
        organisationId,
        memberId,
        memberRole: requireOneOf('memberRole', memberRole, PARTNER_MEMBER_ROLES),
      },
    },
  ];
}

export function removePartnerMember(
  { projectId, memberId }: RemovePartnerMember['data'],
  state: PartnershipState,
  context: DecisionContext,
): PartnershipEvent[] {
  const organisationId = formed(state, projectId).members.get(memberId);
  if (organisationId === undefined) {
    throw notFound('MEMBER_NOT_FOUND', `Member ${memberId} is not in the partnership`);
  }
  requireHappened(context);
  return [{ type: 'PartnerMemberRemoved', data: { projectId, organisationId, memberId } }];
}

export function clarifyPartnerRoles(
  { projectId, organisationId, responsibilities }: ClarifyPartnerRoles['data'],
  state: PartnershipState,
  context: DecisionContext,
): PartnershipEvent[] {
  requirePartner(formed(state, projectId), organisationId);
  requireHappened(context);
  requireListSize('responsibilities', responsibilities, 1, 30);
  const trimmed = responsibilities.map((responsibility, index) =>
    requireText(`responsibilities[${index}]`, responsibility, 300),
  );
  requireDistinct('responsibilities', trimmed);
  return [{ type: 'PartnerRolesClarified', data: { projectId, organisationId, responsibilities: trimmed } }];
}

export function recordUnclearPartnerRoles(
  { projectId, organisationId, note }: RecordUnclearPartnerRoles['data'],
  state: PartnershipState,
  context: DecisionContext,
): PartnershipEvent[] {
  requirePartner(formed(state, projectId), organisationId);
  requireHappened(context);
  return [
    { type: 'PartnerRolesFoundUnclear', data: { projectId, organisationId, note: requireText('note', note, 2000) } },
  ];
}
