import type { SignalFramework } from './framework.js';

export const DEFAULT_FRAMEWORK_ID = 'default';
export const DEFAULT_FRAMEWORK_VERSION = 1;

/** Every signal of the default framework warns alike: below one half, or after a drop of 0.15. */
const WARN_THRESHOLDS = { warnBelow: 0.5, warnDropBy: 0.15 } as const;

/**
 * The platform's default signal framework, version 1. It is data: a territory adopts it or a
 * version of its own (registered with `registerSignalFramework`). Never edit a released version:
 * register a new one. Weights are relative; thresholds are on the [0, 1] scale of the signals.
 */
export const DEFAULT_FRAMEWORK: SignalFramework = {
  id: DEFAULT_FRAMEWORK_ID,
  version: DEFAULT_FRAMEWORK_VERSION,
  definition: {
    name: 'Default co-production signals',
    description:
      'Trust, engagement, partnership cohesion and co-creation balance as in the valley pilot; every indicator is a share in [0, 1].',
    defaultWindowMonths: 3,
    parameters: {
      attendanceNorm: 8,
      adjustmentDays: 30,
      trustBarrierCodes: ['insufficient_trust', 'lack_of_trust', 'antecedent_citizens_lack_of_trust'],
      carerSuggesterRoles: ['carer', 'committee'],
      carerContesterRoles: ['carer', 'committee'],
      partnerMeetingKinds: ['committee_meeting', 'co_assessment_workshop'],
      barrierRepeatCount: 3,
    },
    signals: {
      trust: {
        indicators: [
          { key: 'invitationAcceptance', weight: 1 },
          { key: 'declinesNotMistrust', weight: 1 },
          { key: 'retention', weight: 1 },
          { key: 'wordOfMouth', weight: 0.5 },
          { key: 'trustBarriersResolved', weight: 1 },
        ],
        ...WARN_THRESHOLDS,
      },
      engagement: {
        indicators: [
          { key: 'reach', weight: 1 },
          { key: 'attendancePerActivity', weight: 1 },
          { key: 'delivery', weight: 1 },
          { key: 'cadence', weight: 1 },
          { key: 'decisionsConsulted', weight: 1 },
          { key: 'decisionsUncontested', weight: 0.5 },
          { key: 'suggestionUptake', weight: 1 },
          { key: 'feedbackResponse', weight: 0.5 },
          { key: 'satisfaction', weight: 1 },
          { key: 'understanding', weight: 1 },
          { key: 'understandingGain', weight: 0.5 },
        ],
        ...WARN_THRESHOLDS,
      },
      partnershipCohesion: {
        indicators: [
          { key: 'coordinationMeetingsHeld', weight: 1 },
          { key: 'rolesClarified', weight: 1 },
          { key: 'concernsResolved', weight: 1 },
          { key: 'interactionDensity', weight: 1 },
          { key: 'partnerAttendance', weight: 1 },
        ],
        ...WARN_THRESHOLDS,
      },
      coCreationBalance: {
        indicators: [
          { key: 'barriersResolved', weight: 1 },
          { key: 'outcomeBalance', weight: 1 },
          { key: 'adjustmentTimeliness', weight: 1 },
        ],
        ...WARN_THRESHOLDS,
      },
    },
  },
};
