import type { DecisionContext } from '../../shared/decider.js';
import { requireText } from '../../shared/guards.js';
import { requirePseudonymousRef } from '../../evidence/pseudonym.js';
import type { RecordNewPatientInformed } from '../information-channel.commands.js';
import type { InformationChannelEvent } from '../information-channel.events.js';
import { activeChannel, patientKey } from '../information-channel.guards.js';
import { informationChannelError } from '../information-channel.reasons.js';
import type { InformationChannelState } from '../information-channel.state.js';

export function recordNewPatientInformed(
  command: RecordNewPatientInformed,
  state: InformationChannelState,
  context: DecisionContext,
): InformationChannelEvent[] {
  const channelId = command.data.channelId;
  const channel = activeChannel(state, channelId);
  const providerOrganisationId = requireText('providerOrganisationId', command.data.providerOrganisationId, 100);
  const patientRef = requirePseudonymousRef('patientRef', command.data.patientRef);
  if (channel.informedPatients.includes(patientKey(providerOrganisationId, patientRef))) {
    throw informationChannelError(
      'PATIENT_ALREADY_INFORMED',
      `Patient ${patientRef} was already counted for this channel`,
      { patientRef },
    );
  }
  return [
    {
      type: 'NewPatientInformed',
      data: {
        channelId,
        projectId: channel.projectId,
        providerOrganisationId,
        patientRef,
        informedOn: context.occurredAt.toISOString(),
      },
    },
  ];
}
