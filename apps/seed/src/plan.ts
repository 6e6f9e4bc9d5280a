import type { AggregateDefinition, DomainCommand, DomainEvent } from '#domain';
import type { Actor } from '#event-store';
import type { CommandPath } from './command-path.js';
import type { Ids } from './random.js';

export type AnyAggregate = AggregateDefinition<DomainCommand, DomainEvent, unknown>;

/**
 * A command whose final shape needs the store, as in the API: the resolver's checks first
 * (the project exists, the instrument's scale), or the carer's personal data sealed by the vault.
 */
export interface Prepared<C extends DomainCommand> {
  readonly type: C['type'];
  prepare(path: CommandPath): Promise<C>;
}

/** One command of the pilot, dated when its fact happened. */
export interface Step {
  readonly at: Date;
  /** Unique within its plan; the command id (and so the event ids) derive from it. */
  readonly key: string;
  readonly commandId: string;
  readonly actor: Actor;
  readonly type: string;
  readonly aggregate: AnyAggregate;
  readonly planIndex: number;
  readonly sequence: number;
  build(path: CommandPath): Promise<DomainCommand>;
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
    command: C | Prepared<C>,
  ): void {
    if (Number.isNaN(at.getTime())) throw new Error(`Step ${this.name}/${key} has no valid date`);
    // A repeated key would repeat a command id, and the second command would silently replay the first.
    if (this.keys.has(key)) throw new Error(`Two steps of ${this.name} share the key ${key}`);
    this.keys.add(key);
    const build =
      'prepare' in command
        ? (path: CommandPath) => command.prepare(path) as Promise<DomainCommand>
        : () => Promise.resolve(command as DomainCommand);
    this.list.push({
      at,
      key: `${this.name}/${key}`,
      commandId: this.ids.uuid(`command:${key}`),
      actor,
      type: command.type,
      aggregate: aggregate as unknown as AnyAggregate,
      planIndex: this.index,
      sequence: this.list.length,
      build,
    });
  }

  get steps(): readonly Step[] {
    return this.list;
  }
}
