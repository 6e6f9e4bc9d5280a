import { requireOneOf } from '../shared/guards.js';
import { evidenceError } from './evidence.reasons.js';
import {
  codeFitsKind,
  INABILITY_KINDS,
  OBSERVATION_KINDS,
  OBSERVATION_LEVELS,
  OBSERVATION_STAGES,
  TAXONOMIES,
  TAXONOMY_CODES,
  type InabilityKind,
  type ObservationKind,
  type ObservationLevel,
  type ObservationStage,
  type Taxonomy,
} from './taxonomy.js';

/** What a coder says about one observed phenomenon; shared by coded observations and barriers. */
export interface Coding {
  readonly kind: ObservationKind;
  readonly taxonomy: Taxonomy;
  readonly code: string;
  readonly stage: ObservationStage;
  readonly level: ObservationLevel;
  readonly inabilityKind: InabilityKind | null;
}

/** Throws an `invalid` DomainError unless the coding is consistent with the taxonomies. */
export function requireCoding(coding: Coding): Coding {
  const { kind, taxonomy, code } = coding;
  requireOneOf('kind', kind, OBSERVATION_KINDS);
  requireOneOf('taxonomy', taxonomy, TAXONOMIES);
  requireOneOf('stage', coding.stage, OBSERVATION_STAGES);
  requireOneOf('level', coding.level, OBSERVATION_LEVELS);
  if (!TAXONOMY_CODES[taxonomy].includes(code)) {
    throw evidenceError('CODE_NOT_IN_TAXONOMY', `${code} is not a code of ${taxonomy}`, { field: 'code', taxonomy });
  }
  if (!codeFitsKind(kind, taxonomy, code)) {
    throw evidenceError('CODE_NOT_FOR_KIND', `${taxonomy} ${code} cannot describe a ${kind}`, { field: 'code', kind });
  }
  if (coding.inabilityKind !== null) {
    requireOneOf('inabilityKind', coding.inabilityKind, INABILITY_KINDS);
    if (code !== 'inability_to_change') {
      throw evidenceError('INABILITY_KIND_NOT_APPLICABLE', 'Only inability_to_change is a choice or a constraint', {
        field: 'inabilityKind',
      });
    }
  }
  return {
    kind,
    taxonomy,
    code,
    stage: coding.stage,
    level: coding.level,
    inabilityKind: coding.inabilityKind,
  };
}
