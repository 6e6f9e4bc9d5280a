import type { Role } from '#auth';

/**
 * Who may run each root operation of the API: the single table the access guard enforces, and
 * the table the role-by-operation test walks. An operation missing here is refused to everyone.
 *
 * Beyond the roles, the guard applies the same scoping to every operation: a `projectId` (or a
 * signal `scope`) in the arguments must be a project (territory) the caller is a member of, by-id
 * queries check the project of what they found, and the command executor checks the project of
 * every event a command writes. So the table only says *who*, never *which project*.
 */
export interface OperationRule {
  readonly roles: readonly Role[];
  /**
   * Operations on one carer (`input.carerId`): a carer may act only as themselves, a provider only
   * for carers its organisation registered (`self-or-registrar`), or only the provider (`registrar`);
   * `self-entry`: a carer enters their own answers (named as themselves, with their consent to the
   * processing of their data), the staff of the project anyone's, as before.
   */
  readonly carer?: 'self-or-registrar' | 'registrar' | 'self-entry';
  /** The organisation an operation is done on behalf of must be the caller's own. */
  readonly actsFor?: (args: Record<string, unknown>) => unknown;
  /** By-id queries: the project of the entity found (checked after it is read). */
  readonly resultProject?: (result: Record<string, unknown>) => unknown;
}

const ALL: readonly Role[] = ['carer', 'provider', 'researcher', 'analyst', 'admin'];
/** Partners' staff and the platform's operators: everyone but carers and analysts writes project records. */
const STAFF: readonly Role[] = ['provider', 'researcher', 'admin'];
const READERS: readonly Role[] = ['provider', 'researcher', 'analyst', 'admin'];
const ADMIN: readonly Role[] = ['admin'];
const RESEARCH: readonly Role[] = ['researcher', 'admin'];

const input = (args: Record<string, unknown>) => (args.input ?? {}) as Record<string, unknown>;
const ownProject = (result: Record<string, unknown>) => result.projectId;

export const OPERATION_POLICY: Readonly<Record<string, OperationRule>> = {
  // Platform set-up: programmes, territories, organisations, frameworks.
  launchProgramme: { roles: ADMIN },
  addTerritory: { roles: ADMIN },
  registerOrganisation: { roles: ADMIN },
  describeOrganisationCulture: { roles: RESEARCH },
  registerSignalFramework: { roles: ['analyst', 'admin'] },
  adoptTerritorySignalFramework: { roles: ADMIN },
  registerSurveyInstrument: { roles: RESEARCH },
  retireSurveyInstrument: { roles: RESEARCH },
  recordInstrumentResponse: { roles: [...STAFF, 'carer'], carer: 'self-entry' },

  // Projects and partnerships.
  launchProject: { roles: STAFF },
  startProjectPhase: { roles: STAFF },
  extendPilot: { roles: STAFF },
  reviseProjectTargets: { roles: STAFF },
  joinPartnership: { roles: STAFF },
  leavePartnership: { roles: STAFF },
  addPartnerMember: { roles: STAFF },
  removePartnerMember: { roles: STAFF },
  clarifyPartnerRoles: { roles: STAFF },
  recordUnclearPartnerRoles: { roles: STAFF },
  planCoordinationMeeting: { roles: STAFF },
  recordCoordinationMeetingHeld: { roles: STAFF },
  recordCoordinationMeetingMissed: { roles: STAFF },
  rescheduleCoordinationMeeting: { roles: STAFF },
  raiseCoordinationConcern: { roles: STAFF },
  resolveCoordinationConcern: { roles: STAFF },

  // Carers: identifying data and participation belong to the carer and their registering provider.
  registerCarer: { roles: ['provider'], actsFor: (args) => input(args).registeredByOrganisationId },
  inviteCarer: { roles: ['provider'], carer: 'registrar', actsFor: (args) => input(args).invitedByOrganisationId },
  updateCarerPersonalData: { roles: ['carer', 'provider'], carer: 'self-or-registrar' },
  acceptCarerInvitation: { roles: ['carer', 'provider'], carer: 'self-or-registrar' },
  declineCarerInvitation: { roles: ['carer', 'provider'], carer: 'self-or-registrar' },
  giveCarerConsent: { roles: ['carer', 'provider'], carer: 'self-or-registrar' },
  withdrawCarerConsent: { roles: ['carer', 'provider'], carer: 'self-or-registrar' },
  withdrawCarerFromProject: { roles: ['carer', 'provider'], carer: 'self-or-registrar' },
  registerCarerForActivity: { roles: ['carer', 'provider'], carer: 'self-or-registrar' },
  cancelActivityRegistration: { roles: ['carer', 'provider'], carer: 'self-or-registrar' },
  eraseCarer: { roles: ADMIN },

  // Activities and what happens in them.
  scheduleActivity: { roles: STAFF },
  rescheduleActivity: { roles: STAFF },
  holdActivity: { roles: STAFF },
  cancelActivity: { roles: STAFF },
  contestActivityCancellation: { roles: ALL.filter((role) => role !== 'analyst') },
  recordPartnerAttendance: { roles: STAFF },
  recordCarerAttendance: { roles: ['provider', 'admin'] },
  recordUnderstandingQuiz: { roles: [...STAFF, 'carer'], carer: 'self-entry' },
  recordSatisfactionResponse: { roles: [...STAFF, 'carer'], carer: 'self-entry' },

  // Committee, decisions, suggestions, information channels.
  defineCommitteeGoal: { roles: STAFF },
  assessCommitteeGoal: { roles: STAFF },
  reassessCommitteeGoal: { roles: STAFF },
  recordCommitteeSelfOrganising: { roles: STAFF },
  takeDecision: { roles: STAFF },
  reviseDecision: { roles: STAFF },
  contestDecision: { roles: ALL.filter((role) => role !== 'analyst') },
  makeSuggestion: { roles: ALL.filter((role) => role !== 'analyst') },
  adoptSuggestion: { roles: STAFF },
  declineSuggestion: { roles: STAFF },
  implementSuggestion: { roles: STAFF },
  // Carers' requests: made like a suggestion (a carer, or staff on their behalf), answered by staff.
  makeCarerRequest: { roles: ALL.filter((role) => role !== 'analyst') },
  meetCarerRequest: { roles: STAFF },
  declineCarerRequest: { roles: STAFF },
  registerInformationChannel: { roles: STAFF },
  retireInformationChannel: { roles: STAFF },
  recordChannelReading: { roles: STAFF },
  recordNewPatientInformed: { roles: ['provider', 'admin'] },
  recordNewPatientsChecked: { roles: ['provider', 'admin'] },

  // Research evidence and barriers.
  recordInterview: { roles: RESEARCH },
  recordWorkshop: { roles: RESEARCH },
  recordReflexiveNote: { roles: RESEARCH },
  recordCollectionRound: { roles: RESEARCH },
  codeObservation: { roles: RESEARCH },
  observeBarrier: { roles: STAFF },
  resolveBarrier: { roles: STAFF },
  reopenBarrier: { roles: STAFF },
  takeAdjustmentAction: { roles: STAFF },

  // Reading records: members of the project only (carers read their own project's records).
  project: { roles: ALL, resultProject: (result) => result.id },
  projects: { roles: ALL },
  activity: { roles: ALL, resultProject: ownProject },
  decision: { roles: ALL, resultProject: ownProject },
  carer: { roles: ALL, resultProject: ownProject },
  evidence: { roles: READERS, resultProject: ownProject },
  barrier: { roles: READERS, resultProject: ownProject },
  programme: { roles: ALL },
  programmes: { roles: ALL },
  organisation: { roles: ALL },
  organisations: { roles: ALL },
  surveyInstruments: { roles: ALL },

  // Aggregate signals, warnings and reports: every member of the project.
  signals: { roles: ALL },
  signalSeries: { roles: ALL },
  compareSignals: { roles: ALL },
  signalsUpdated: { roles: ALL },
  signalFramework: { roles: ALL },
  signalFrameworks: { roles: ALL },
  signalIndicators: { roles: ALL },
  warnings: { roles: READERS },
  warningRaised: { roles: READERS },
  assessmentReport: { roles: ALL },
  // The inventory describes the evidence, which only its readers see (like `evidence`).
  dataInventory: { roles: READERS },

  // Operating the platform.
  eventStore: { roles: ADMIN },
  projections: { roles: ADMIN },
  projectionStatus: { roles: ADMIN },
  deadLetters: { roles: ADMIN },
  pauseProjection: { roles: ADMIN },
  resumeProjection: { roles: ADMIN },
  rebuildProjection: { roles: ADMIN },
  retryProjection: { roles: ADMIN },
  skipProjectionEvent: { roles: ADMIN },
  auditTrail: { roles: ADMIN },
  apiKeys: { roles: ADMIN },
  createApiKey: { roles: ADMIN },
  revokeApiKey: { roles: ADMIN },
};
