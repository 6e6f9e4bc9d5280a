import { evidenceError } from './evidence.reasons.js';
import type { EvidenceState } from './evidence.state.js';

/** Each piece of evidence is recorded once; its stream then only grows by coded observations. */
export function notYetRecorded(state: EvidenceState, evidenceId: string): void {
  if (state.status !== 'unknown') {
    throw evidenceError('EVIDENCE_ALREADY_RECORDED', `Evidence ${evidenceId} was already recorded`, { evidenceId });
  }
}
