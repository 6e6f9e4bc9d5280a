import type { DecisionContext } from '../../shared/decider.js';
import type { RecordNewPatientsChecked } from '../information-channel.commands.js';
import type { InformationChannelEvent } from '../information-channel.events.js';
import { activeChannel, readingWindow } from '../information-channel.guards.js';
import type { InformationChannelState } from '../information-channel.state.js';

/**
 * Checks may overlap or repeat: each only says that a window was looked at, and the report takes
 * their union, so a second look at the same days counts nothing twice.
 */
export function recordNewPatientsChecked(
  command: RecordNewPatientsChecked,
  state: InformationChannelState,
  context: DecisionContext,
): InformationChannelEvent[] {
  const channelId = command.data.channelId;
  const channel = activeChannel(state, channelId);
  const { start, end } = readingWindow(command.data, context.now);
  return [
    {
      type: 'NewPatientsChecked',
      data: {
        channelId,
        projectId: channel.projectId,
        periodStart: start.toISOString(),
        periodEnd: end.toISOString(),
      },
    },
  ];
}
