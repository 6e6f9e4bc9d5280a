import { reasonError, type ReasonList } from '../shared/reason-list.js';

/** Why the Evidence aggregate refuses a command (besides the shared guards' reasons). */
export const EVIDENCE_ERROR_REASONS = {
  EVIDENCE_NOT_FOUND: {
    category: 'not_found',
    description: 'No interview, workshop or reflexive note was ever recorded with this evidence id.',
  },
  EVIDENCE_ALREADY_RECORDED: {
    category: 'conflict',
    description: 'Evidence with this id was already recorded.',
  },
  OBSERVATION_ALREADY_CODED: {
    category: 'conflict',
    description: 'An observation with this id was already coded in this evidence.',
  },
  NO_PARTICIPANTS: {
    category: 'invalid',
    description: 'A workshop is recorded with at least one participant.',
  },
  AUDIO_WITHOUT_CONSENT: {
    category: 'invalid',
    description: 'A workshop is audio-recorded only with the consent of all its participants.',
  },
  ROLE_COUNTED_TWICE: {
    category: 'invalid',
    description:
      "A role appears more than once in a workshop's turnout or a collection round's invitations (`details.role`).",
  },
  TOOK_PART_MORE_THAN_INVITED: {
    category: 'invalid',
    description: 'More people of a role took part in a workshop than were invited to it (`details.role`).',
  },
  GENDERS_EXCEED_TOOK_PART: {
    category: 'invalid',
    description:
      "A role's gender counts (female + male + other) add up to more people than took part (`details.role`); those not counted did not disclose their gender.",
  },
  TURNOUT_DISAGREES_WITH_PARTICIPANTS: {
    category: 'invalid',
    description:
      "A workshop's turnout says a different number of carers, providers or researchers took part than its `participants` (`details.role`).",
  },
  NO_ONE_INVITED: {
    category: 'invalid',
    description: 'A data-collection round invites at least one person.',
  },
  COLLECTION_ROUND_ALREADY_RECORDED: {
    category: 'conflict',
    description: 'A data-collection round with this id was already recorded.',
  },
  CODE_NOT_IN_TAXONOMY: {
    category: 'invalid',
    description: 'The code is not a code of the named taxonomy (also when a barrier is observed).',
  },
  CODE_NOT_FOR_KIND: {
    category: 'invalid',
    description: 'The code cannot describe this kind of observation (also when a barrier is observed).',
  },
  INABILITY_KIND_NOT_APPLICABLE: {
    category: 'invalid',
    description:
      'Only the code `inability_to_change` says whether the inability is a choice or a constraint (also when a barrier is observed).',
  },
} as const satisfies ReasonList;

export const evidenceError = reasonError(EVIDENCE_ERROR_REASONS);
