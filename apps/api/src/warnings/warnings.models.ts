import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLScalarType } from 'graphql';
import {
  WARNING_RULES,
  WARNING_SEVERITIES,
  WARNING_SUBJECT_TYPES,
  type WarningRule as WarningRuleValue,
  type WarningSeverity as WarningSeverityValue,
  type WarningSubjectType as WarningSubjectTypeValue,
  type WarningView,
} from '#read-models/warnings';
import { Connection } from '../read-side/pagination.js';

/** A GraphQL enum whose names are the upper-case stored values (`carers_not_consulted` → CARERS_NOT_CONSULTED). */
function upperCaseEnum<T extends string>(name: string, values: readonly T[], description: string) {
  const enumObject = Object.fromEntries(values.map((value) => [value.toUpperCase(), value])) as Record<string, T>;
  registerEnumType(enumObject, { name, description });
  return enumObject;
}

export const WarningRuleEnum = upperCaseEnum(
  'WarningRule',
  WARNING_RULES,
  'Why a warning was raised; each rule, its formula and threshold are in docs/warnings.md.',
);
export const WarningSeverityEnum = upperCaseEnum(
  'WarningSeverity',
  WARNING_SEVERITIES,
  "NOTICE: worth knowing, not yet a pattern (one carer's suggestion declined as not feasible); WARNING; CRITICAL: a target missed or a pattern twice the threshold.",
);
export const WarningSubjectTypeEnum = upperCaseEnum(
  'WarningSubjectType',
  WARNING_SUBJECT_TYPES,
  'What `subjectId` names: a decision, activity, project, barrier, signal key, activity kind, target (reach, satisfaction, understanding), partner organisation or coordination concern.',
);

/** The rule-specific numbers behind a warning, as a JSON object (docs/warnings.md lists them per rule). */
export const WarningDetailsScalar = new GraphQLScalarType({
  name: 'WarningDetails',
  description: "A warning's numbers as a JSON object: what was measured, against which threshold (docs/warnings.md).",
  serialize: (value) => value,
});

@ObjectType({
  description: 'An early warning: stored by the warnings projection, or computed at query time (`computed`).',
})
export class Warning {
  @Field(() => ID, {
    description: 'Derived from what raised it: a rebuild keeps it; a computed warning keeps it once stored.',
  })
  id!: string;

  @Field(() => ID)
  projectId!: string;

  @Field(() => ID, { nullable: true })
  territoryId!: string | null;

  @Field(() => WarningRuleEnum)
  rule!: WarningRuleValue;

  @Field(() => WarningSeverityEnum)
  severity!: WarningSeverityValue;

  @Field(() => WarningSubjectTypeEnum)
  subjectType!: WarningSubjectTypeValue;

  @Field(() => ID, { description: 'One open warning per project, rule and subject.' })
  subjectId!: string;

  @Field(() => [ID], { description: 'Other records it rests on, e.g. the cancelled sessions of a run.' })
  relatedIds!: string[];

  @Field()
  message!: string;

  @Field(() => WarningDetailsScalar)
  details!: Record<string, unknown>;

  @Field({
    description: 'When the condition arose: the occurredAt of the triggering fact (per rule: docs/warnings.md).',
  })
  raisedAt!: Date;

  @Field({ description: 'When the platform recorded the triggering fact.' })
  recordedAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When the condition cleared (the occurredAt of the fact that cleared it).',
  })
  resolvedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  resolvedRecordedAt!: Date | null;

  @Field({ description: 'Not resolved.' })
  open!: boolean;

  @Field({ description: 'Computed at query time (signal drops; a barrier overdue in a quiet project), not stored.' })
  computed!: boolean;

  @Field(() => ID, { nullable: true, description: 'The event that raised it (null when computed).' })
  eventId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "That event's position (a consistency token; `afterPosition` of warningRaised resumes after it).",
  })
  position!: string | null;

  static of(view: WarningView): Warning {
    return Object.assign(new Warning(), {
      id: view.id,
      projectId: view.projectId,
      territoryId: view.territoryId,
      rule: view.rule,
      severity: view.severity,
      subjectType: view.subjectType,
      subjectId: view.subjectId,
      relatedIds: [...view.relatedIds],
      message: view.message,
      details: { ...view.details },
      raisedAt: view.raisedAt,
      recordedAt: view.recordedAt,
      resolvedAt: view.resolvedAt,
      resolvedRecordedAt: view.resolvedRecordedAt,
      open: view.resolvedAt === null,
      computed: view.computed,
      eventId: view.eventId,
      position: view.position,
    });
  }
}

@ObjectType({ description: 'Warnings, newest first (raisedAt, then id).' })
export class WarningConnection extends Connection(Warning, 'Warning') {}
