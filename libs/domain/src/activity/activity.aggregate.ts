import type { AggregateDefinition } from '../shared/aggregate.js';
import type { ActivityCommand } from './activity.commands.js';
import { activityDecider, activityStreamId, type ActivityState } from './activity.decider.js';
import type { ActivityEvent } from './activity.events.js';

export const activityAggregate: AggregateDefinition<ActivityCommand, ActivityEvent, ActivityState> = {
  name: 'Activity',
  decider: activityDecider,
  commandTypes: [
    'ScheduleActivity',
    'RescheduleActivity',
    'CancelActivity',
    'HoldActivity',
    'RegisterCarerForActivity',
    'CancelActivityRegistration',
    'RecordCarerAttendance',
    'RecordPartnerAttendance',
    'RecordUnderstandingQuiz',
    'RecordSatisfactionResponse',
  ],
  streamId: (command) => activityStreamId(command.data.activityId),
  // v2 added who decided and whether carers were consulted; activityUpcasters reads v1.
  schemaVersions: { ActivityCancelled: 2 },
};
