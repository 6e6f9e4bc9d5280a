import type {
  AggregateDefinition,
  AnyAggregate,
  DomainCommand,
  DomainEvent,
  EncryptedPersonalData,
  SatisfactionInstrument,
} from '#domain';
import type { Actor } from '#event-store';
import type { PersonalData } from '#privacy';
import type { Ids } from './random.js';

/**
 * What preparing or checking a step may ask of the path that runs it (CommandPath, or the
 * benchmark's in-memory path): the checks a resolver makes before it sends a command, the vault.
 */
export interface StepServices {
  requireProject(projectId: string): Promise<void>;
  requireOrganisation(organisationId: string): Promise<void>;
  satisfactionInstrument(instrumentId: string): Promise<SatisfactionInstrument>;
  encrypt(carerId: string, personalData: PersonalData): Promise<EncryptedPersonalData>;
  erase(carerId: string, erasedBy: string, reason: string): Promise<void>;
  requireParticipating(carerId: string): Promise<void>;
  allConsentToAudio(carerIds: readonly string[]): Promise<boolean>;
  /** Refuses (AUDIO_CONSENT_MISSING) unless every one of these carers consented to audio recording. */
  requireAudioConsent(carerIds: readonly string[]): Promise<void>;
}

/**
 * A command whose final shape needs the store, as in the API: the carer's personal data sealed by
 * the vault, or the instrument read from its stream; the checks a resolver makes come first.
 */
export interface Prepared<C extends DomainCommand> {
  readonly type: C['type'];
  /** The stream it goes to, known before it is prepared (the scheduler may look for it there). */
  readonly streamId: string;
  prepare(path: StepServices): Promise<C>;
}

/** A command known in full, sent only after a check a resolver makes (e.g. the project exists). */
export interface Checked<C extends DomainCommand> {
  readonly command: C;
  check(path: StepServices): Promise<void>;
}

/** One command of the pilot, dated when its fact happened. */
export interface Step {
  readonly at: Date;
  /**
   * When the pilot's team recorded it: when it happened, unless it was entered later (see
   * scenario/late-records.ts). The events carry it as `knownSince`, so `knownAt` means on the demo
   * what it would have meant had the platform been there all along.
   */
  readonly knownSince: Date;
  /** Unique within its plan; the command id (and so the event ids) derive from it. */
  readonly key: string;
  readonly commandId: string;
  readonly actor: Actor;
  readonly type: string;
  readonly aggregate: AnyAggregate;
  readonly streamId: string;
  readonly planIndex: number;
  readonly sequence: number;
  build(path: StepServices): Promise<DomainCommand>;
}

/**
 * The commands of one plan (the run's shared organisations, or one project), collected in any
 * order: the scheduler orders every plan's steps by time before anything runs.
 */
export class Plan {
  private readonly list: Step[] = [];
  private readonly keys = new Set<string>();

  constructor(
    readonly index: number,
    readonly name: string,
    private readonly ids: Ids,
  ) {}

  add<C extends DomainCommand, E extends DomainEvent, S>(
    aggregate: AggregateDefinition<C, E, S>,
    at: Date,
    actor: Actor,
    key: string,
    command: C | Prepared<C> | Checked<C>,
  ): void {
    if (Number.isNaN(at.getTime())) throw new Error(`Step ${this.name}/${key} has no valid date`);
    // A repeated key would repeat a command id, and the second command would silently replay the first.
    if (this.keys.has(key)) throw new Error(`Two steps of ${this.name} share the key ${key}`);
    this.keys.add(key);
    let shape: { type: string; streamId: string; build: (path: StepServices) => Promise<DomainCommand> };
    if ('prepare' in command) {
      shape = { type: command.type, streamId: command.streamId, build: (path) => command.prepare(path) };
    } else if ('check' in command) {
      const checked = command.command;
      shape = {
        type: checked.type,
        streamId: aggregate.streamId(checked),
        build: async (path) => {
          await command.check(path);
          return checked;
        },
      };
    } else {
      shape = { type: command.type, streamId: aggregate.streamId(command), build: () => Promise.resolve(command) };
    }
    this.list.push({
      at,
      knownSince: at,
      key: `${this.name}/${key}`,
      commandId: this.ids.uuid(`command:${key}`),
      actor,
      ...shape,
      aggregate,
      planIndex: this.index,
      sequence: this.list.length,
    });
  }

  get steps(): readonly Step[] {
    return this.list;
  }

  /** Marks the steps `recordedOn` dates as entered after the fact, on that date (never before it happened). */
  recordLater(recordedOn: (step: Step) => Date | null): void {
    for (const [index, step] of this.list.entries()) {
      const on = recordedOn(step);
      if (on && on.getTime() > step.at.getTime()) this.list[index] = { ...step, knownSince: on };
    }
  }
}

/** As the resolvers of commands that attach something to a project: the project must exist. */
export function checkingProject<C extends DomainCommand>(projectId: string, command: C): Checked<C> {
  return { command, check: (path) => path.requireProject(projectId) };
}
