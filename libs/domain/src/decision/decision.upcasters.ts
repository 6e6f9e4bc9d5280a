import type { Upcaster } from '../shared/aggregate.js';

/**
 * DecisionTaken v1 and DecisionRevised v1 recorded whether carers were consulted, not how they took
 * part. What v1 says is kept and nothing is invented: carers who were not consulted on a decision
 * that affects them were at most informed; for carers who were consulted the rung was never
 * recorded, so it stays unknown (null), as does a revision's (a revision does not say whether the
 * decision affects carers).
 */
const decisionTakenV1ToV2: Upcaster = {
  eventType: 'DecisionTaken',
  fromVersion: 1,
  upcast(data) {
    const informedOnly = data['affectsCarers'] === true && data['carersConsulted'] === false;
    return { ...data, carerInvolvement: informedOnly ? 'informed' : null };
  },
};

const decisionRevisedV1ToV2: Upcaster = {
  eventType: 'DecisionRevised',
  fromVersion: 1,
  upcast(data) {
    return { ...data, carerInvolvement: null };
  },
};

/**
 * DecisionTaken v2 named at most one activity (`activityId`, null for none); v3 lists them
 * (`activityIds`): the one becomes a list of one, none an empty list.
 */
const decisionTakenV2ToV3: Upcaster = {
  eventType: 'DecisionTaken',
  fromVersion: 2,
  upcast({ activityId, ...data }) {
    return { ...data, activityIds: typeof activityId === 'string' ? [activityId] : [] };
  },
};

export const decisionUpcasters: Upcaster[] = [decisionTakenV1ToV2, decisionRevisedV1ToV2, decisionTakenV2ToV3];
