import type { BarrierEvent, CarerRequestEvent, DecisionEvent, EvidenceEvent, SuggestionEvent } from '#domain';
import type { HistoryEntries } from './history-entry.js';

/** How the project is governed and studied: decisions, suggestions, carers' requests, evidence and barriers. */
export const RESEARCH_LINES: HistoryEntries<
  | DecisionEvent['type']
  | SuggestionEvent['type']
  | CarerRequestEvent['type']
  | EvidenceEvent['type']
  | BarrierEvent['type']
> = {
  // A null carerInvolvement on a decision that affects carers (only a v1 decision whose carers
  // were consulted) is left out: the target records the least rung the consultation implies.
  DecisionTaken: {
    mutation: 'takeDecision',
    input: (data) => ({
      decisionId: data.decisionId,
      projectId: data.projectId,
      description: data.description,
      decidedByOrganisationId: data.decidedByOrganisationId,
      decidedByRole: data.decidedByRole,
      affectsCarers: data.affectsCarers,
      carersConsulted: data.carersConsulted,
      carerInvolvement: data.carerInvolvement,
      activityIds: [...data.activityIds],
    }),
  },
  DecisionContested: {
    mutation: 'contestDecision',
    input: ({ decisionId, contestedByRole, contestedByCarerId, grounds }) => ({
      decisionId,
      contestedByRole,
      contestedByCarerId,
      grounds,
    }),
  },
  // A null carerInvolvement is left out: the revision keeps the decision's rung, as it did then.
  DecisionRevised: {
    mutation: 'reviseDecision',
    input: ({ decisionId, description, carersConsulted, carerInvolvement, reason }) => ({
      decisionId,
      description,
      carersConsulted,
      carerInvolvement,
      reason,
    }),
  },
  SuggestionMade: {
    mutation: 'makeSuggestion',
    input: ({ suggestionId, projectId, suggestedByRole, carerId, organisationId, description, topic }) => ({
      suggestionId,
      projectId,
      suggestedByRole,
      carerId,
      organisationId,
      description,
      topic,
    }),
  },
  SuggestionAdopted: {
    mutation: 'adoptSuggestion',
    input: ({ suggestionId, note, decisionId }) => ({ suggestionId, note, decisionId }),
  },
  SuggestionDeclined: {
    mutation: 'declineSuggestion',
    input: ({ suggestionId, reason, note }) => ({ suggestionId, reason, note }),
  },
  SuggestionImplemented: {
    mutation: 'implementSuggestion',
    input: ({ suggestionId, note }) => ({ suggestionId, note }),
  },
  CarerRequestMade: {
    mutation: 'makeCarerRequest',
    input: ({ requestId, projectId, carerId, category, description }) => ({
      requestId,
      projectId,
      carerId,
      category,
      description,
    }),
  },
  CarerRequestMet: {
    mutation: 'meetCarerRequest',
    input: ({ requestId, note }) => ({ requestId, note }),
  },
  CarerRequestDeclined: {
    mutation: 'declineCarerRequest',
    input: ({ requestId, cannotMeetBecause, explanation }) => ({ requestId, cannotMeetBecause, explanation }),
  },
  InterviewRecorded: {
    mutation: 'recordInterview',
    input: (data) => ({
      evidenceId: data.evidenceId,
      projectId: data.projectId,
      intervieweeRole: data.intervieweeRole,
      intervieweeRef: data.intervieweeRef,
      durationMinutes: data.durationMinutes,
      mode: data.mode,
      phase: data.phase,
      pilotMoment: data.pilotMoment,
      intervieweeGender: data.intervieweeGender,
    }),
  },
  // Audio was recorded only with everyone's consent (the decider refuses it otherwise); without
  // audio the consent was not needed, and the event does not keep it.
  WorkshopRecorded: {
    mutation: 'recordWorkshop',
    input: (data) => ({
      evidenceId: data.evidenceId,
      projectId: data.projectId,
      workshopKind: data.workshopKind,
      participants: { ...data.participants },
      audioRecorded: data.audioRecorded,
      audioConsentOfAll: data.audioRecorded,
      durationMinutes: data.durationMinutes,
      pilotMoment: data.pilotMoment,
      turnout: data.turnout === null ? null : data.turnout.map((role) => ({ ...role })),
    }),
  },
  ReflexiveNoteRecorded: {
    mutation: 'recordReflexiveNote',
    input: ({ evidenceId, projectId, authorMemberId, phase, text, pilotMoment, authorGender }) => ({
      evidenceId,
      projectId,
      authorMemberId,
      phase,
      text,
      pilotMoment,
      authorGender,
    }),
  },
  CollectionRoundRecorded: {
    mutation: 'recordCollectionRound',
    input: ({ roundId, projectId, method, pilotMoment, invited }) => ({
      roundId,
      projectId,
      method,
      pilotMoment,
      invited: invited.map(({ role, invited: count }) => ({ role, invited: count })),
    }),
  },
  // The evidence's kind and phase come back from the evidence.
  ObservationCoded: {
    mutation: 'codeObservation',
    input: (data) => ({
      evidenceId: data.evidenceId,
      observationId: data.observationId,
      kind: data.kind,
      taxonomy: data.taxonomy,
      code: data.code,
      stage: data.stage,
      level: data.level,
      inabilityKind: data.inabilityKind,
      quote: data.quote === null ? null : { ...data.quote },
    }),
  },
  // observedAt, takenAt, resolvedAt and reopenedAt are the command's occurredAt, which the line carries.
  BarrierObserved: {
    mutation: 'observeBarrier',
    input: (data) => ({
      barrierId: data.barrierId,
      projectId: data.projectId,
      taxonomy: data.taxonomy,
      code: data.code,
      stage: data.stage,
      level: data.level,
      inabilityKind: data.inabilityKind,
      description: data.description,
      basedOn: data.basedOn.map(({ evidenceId, observationId }) => ({ evidenceId, observationId })),
    }),
  },
  AdjustmentActionTaken: {
    mutation: 'takeAdjustmentAction',
    input: ({ barrierId, actionId, description, takenByOrganisationId }) => ({
      barrierId,
      actionId,
      description,
      takenByOrganisationId,
    }),
  },
  BarrierResolved: {
    mutation: 'resolveBarrier',
    input: ({ barrierId, resolution }) => ({ barrierId, resolution }),
  },
  BarrierReopened: {
    mutation: 'reopenBarrier',
    input: ({ barrierId, reason }) => ({ barrierId, reason }),
  },
};
