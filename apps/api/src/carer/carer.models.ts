import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { enumFromValues } from '../command-side/graphql-enums.js';
import { Connection } from '../read-side/pagination.js';
import {
  CarerAgeBandEnum,
  CarerGenderEnum,
  CarerInvitationChannelEnum,
  CarerRelationshipEnum,
  CarerStressLevelEnum,
  CarerWithdrawalReasonEnum,
  InvitationDeclineReasonEnum,
} from './carer.inputs.js';

export const CARER_PARTICIPATION_STATUSES = ['not_invited', 'invited', 'accepted', 'declined', 'withdrawn'] as const;
export const CarerParticipationStatusEnum = enumFromValues(
  'CarerParticipationStatus',
  CARER_PARTICIPATION_STATUSES,
  'Where a carer stands: not yet invited, invited (an answer is awaited), accepted, declined (may be invited again) or withdrawn.',
);

export const CarerConsentStatusEnum = enumFromValues('CarerConsentStatus', [
  'not_given',
  'given',
  'withdrawn',
] as const);

export const CarerInvitationStatusEnum = enumFromValues('CarerInvitationStatus', [
  'open',
  'accepted',
  'declined',
] as const);

@ObjectType({ description: "A carer's consents, each not given, given or withdrawn." })
export class CarerConsents {
  @Field(() => CarerConsentStatusEnum)
  participation!: string;

  @Field(() => CarerConsentStatusEnum)
  audioRecording!: string;

  @Field(() => CarerConsentStatusEnum)
  dataProcessing!: string;
}

/**
 * A carer by pseudonym and non-identifying attributes. Name and contact stay encrypted in the
 * read model and are never served here.
 */
@ObjectType({
  description:
    'A family carer, by pseudonym and non-identifying attributes only: personal data is never served in plain text.',
})
export class Carer {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  projectId!: string;

  @Field({ description: 'How the carer is named everywhere on the platform, e.g. "Carer 8".' })
  pseudonym!: string;

  @Field(() => ID)
  registeredByOrganisationId!: string;

  @Field()
  registeredAt!: Date;

  @Field(() => CarerGenderEnum)
  gender!: string;

  @Field(() => CarerAgeBandEnum)
  ageBand!: string;

  @Field(() => Int, { nullable: true })
  weeklyCareHours!: number | null;

  @Field(() => CarerStressLevelEnum)
  stressLevel!: string;

  @Field(() => String, { nullable: true, description: 'A village or valley zone, never an address.' })
  area!: string | null;

  @Field(() => CarerRelationshipEnum)
  relationship!: string;

  @Field(() => CarerParticipationStatusEnum)
  participationStatus!: string;

  @Field(() => Int)
  invitationCount!: number;

  @Field(() => Date, { nullable: true })
  lastInvitedAt!: Date | null;

  @Field(() => CarerInvitationChannelEnum, { nullable: true })
  lastInvitationChannel!: string | null;

  @Field(() => ID, { nullable: true, description: 'The carer who spread the word, for a word-of-mouth invitation.' })
  referredByCarerId!: string | null;

  @Field(() => Date, { nullable: true })
  acceptedAt!: Date | null;

  @Field(() => CarerInvitationChannelEnum, { nullable: true })
  acceptedChannel!: string | null;

  @Field(() => Date, { nullable: true })
  lastDeclinedAt!: Date | null;

  @Field(() => InvitationDeclineReasonEnum, { nullable: true })
  lastDeclineReason!: string | null;

  @Field(() => Date, { nullable: true })
  withdrawnAt!: Date | null;

  @Field(() => CarerWithdrawalReasonEnum, { nullable: true })
  withdrawalReason!: string | null;

  @Field(() => CarerConsents)
  consents!: CarerConsents;

  @Field({ description: 'Whether encrypted personal data is held for the carer.' })
  hasPersonalData!: boolean;

  @Field({ description: "True once the carer's personal data was erased (their key destroyed)." })
  erased!: boolean;

  @Field(() => Date, { nullable: true })
  erasedAt!: Date | null;
}

@ObjectType({ description: "A carer's identifying data, decrypted with their own key." })
export class CarerPersonalData {
  @Field()
  fullName!: string;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  address!: string | null;
}

@ObjectType({ description: "The record of a carer's erasure: who erased whom, when and why." })
export class CarerErasureRecord {
  @Field(() => Date)
  erasedAt!: Date;

  @Field({ description: 'The id of the admin who erased the data.' })
  erasedBy!: string;

  @Field()
  reason!: string;
}

@ObjectType({ description: 'One invitation of a carer, and its answer.' })
export class CarerInvitation {
  @Field(() => ID)
  invitationId!: string;

  @Field(() => ID)
  carerId!: string;

  @Field(() => Int, { description: '1 for the first invitation, 2 for a re-invitation after a decline...' })
  invitationNumber!: number;

  @Field(() => CarerInvitationChannelEnum)
  channel!: string;

  @Field(() => ID)
  invitedByOrganisationId!: string;

  @Field(() => ID, { nullable: true })
  referredByCarerId!: string | null;

  @Field()
  invitedAt!: Date;

  @Field(() => CarerInvitationStatusEnum)
  status!: string;

  @Field(() => Date, { nullable: true })
  answeredAt!: Date | null;

  @Field(() => InvitationDeclineReasonEnum, { nullable: true })
  declineReason!: string | null;
}

@ObjectType()
export class CarerConnection extends Connection(Carer, 'Carer') {}
