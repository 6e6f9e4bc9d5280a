import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  carerAggregate,
  carerStreamId,
  hasConsent,
  satisfactionInstrumentFrom,
  surveyInstrumentAggregate,
  surveyInstrumentStreamId,
  type EncryptedPersonalData,
  type SatisfactionInstrument,
} from '#domain';
import { EVENT_STORE, formatPosition, type EventStore } from '#event-store';
import { CarerKeyVault, type PersonalData } from '#privacy';
import {
  CommandExecutor,
  ExecuteDomainCommand,
  requireOrganisation,
  requireAudioConsentOf,
  requireParticipatingCarer,
  requireProject,
  type CommandResult,
} from '#command-side';
import type { Step, StepServices } from './plan.js';

/**
 * The API's write path without HTTP: every command goes over the same CommandBus to the same
 * ExecuteDomainCommand handler, so the same deciders, invariants and idempotency apply. The
 * checks a resolver makes before it sends a command are made here the same way.
 */
@Injectable()
export class CommandPath implements StepServices {
  constructor(
    private readonly commands: CommandBus,
    private readonly executor: CommandExecutor,
    private readonly vault: CarerKeyVault,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /**
   * `recognisePast`: on a store that already held events (`--append`), a step whose command id is
   * already in its stream returns that first result, as the executor itself would, without
   * re-running the checks before it: their answer may have changed since (the carer withdrew).
   */
  async execute(step: Step, recognisePast: boolean): Promise<CommandResult> {
    const earlier = recognisePast ? await this.earlierResult(step.streamId, step.commandId) : null;
    if (earlier) return earlier;
    const command = await step.build(this);
    // A record the plan enters later than today is, in this run, entered today.
    const knownSince = new Date(Math.min(step.knownSince.getTime(), Date.now()));
    return this.commands.execute(
      new ExecuteDomainCommand(step.aggregate, command, {
        actor: step.actor,
        commandId: step.commandId,
        occurredAt: step.at,
        knownSince,
      }),
    );
  }

  /** The executor's own idempotency rule: a command id already in the stream returns the first result. */
  private async earlierResult(streamId: string, commandId: string): Promise<CommandResult | null> {
    const earlier = (await this.store.readStream(streamId)).filter((e) => e.metadata.commandId === commandId);
    const last = earlier[earlier.length - 1];
    if (!last) return null;
    return {
      streamId,
      revision: last.revision,
      position: formatPosition(last.position),
      eventIds: earlier.map((e) => e.id),
      replayed: true,
    };
  }

  /** As every resolver that attaches something to a project. */
  requireProject(projectId: string): Promise<void> {
    return requireProject(this.executor, projectId);
  }

  /** As PartnershipResolver.joinPartnership: the organisation must be registered. */
  requireOrganisation(organisationId: string): Promise<void> {
    return requireOrganisation(this.executor, organisationId);
  }

  /** As ActivityResolver: the instrument is read from its own stream; a retired one is refused. */
  async satisfactionInstrument(instrumentId: string): Promise<SatisfactionInstrument> {
    const state = await this.executor.loadState(surveyInstrumentAggregate, surveyInstrumentStreamId(instrumentId));
    return satisfactionInstrumentFrom(state, instrumentId);
  }

  /** As CarerResolver: personal data enters a command only sealed with the carer's own key. */
  encrypt(carerId: string, personalData: PersonalData): Promise<EncryptedPersonalData> {
    return this.vault.encrypt(carerId, personalData);
  }

  /** As CarerResolver.eraseCarer: the key first, then the event. */
  async erase(carerId: string, erasedBy: string, reason: string): Promise<void> {
    await this.vault.erase(carerId, { erasedBy, reason });
  }

  /**
   * The check the Carer aggregate documents for other aggregates' handlers (`isParticipating`):
   * only a carer who accepted and has not withdrawn is recorded as taking part.
   */
  async requireParticipating(carerId: string): Promise<void> {
    await requireParticipatingCarer(this.executor, carerId);
  }

  /** As the API before a session is recorded, for the carers present. */
  async requireAudioConsent(carerIds: readonly string[]): Promise<void> {
    await requireAudioConsentOf(this.executor, carerIds);
  }

  /** `hasConsent(audio_recording)` for every carer present, before anything is recorded on tape. */
  async allConsentToAudio(carerIds: readonly string[]): Promise<boolean> {
    for (const carerId of carerIds) {
      const carer = await this.executor.loadState(carerAggregate, carerStreamId(carerId));
      if (!hasConsent(carer, 'audio_recording')) return false;
    }
    return true;
  }
}
