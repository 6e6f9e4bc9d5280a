/**
 * The shape of every aggregate: plain functions over plain data, no framework, no I/O.
 * `decide` turns a command into new events or throws a DomainError; `evolve` folds one event
 * into the state. The command side (libs/command-side) loads events, folds them, decides and appends.
 */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly data: Data;
}

export interface DomainCommand<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly data: Data;
}

/** What a decision may know about the world besides the state: the clock, read once at the edge. */
export interface DecisionContext {
  readonly now: Date;
  /** When the command says the fact happened (history may be entered late); defaults to now. */
  readonly occurredAt: Date;
}

export interface Decider<Command extends DomainCommand, Event extends DomainEvent, State> {
  readonly initialState: State;
  decide(command: Command, state: State, context: DecisionContext): Event[];
  evolve(state: State, event: Event): State;
}

export function fold<Event extends DomainEvent, State>(
  decider: Pick<Decider<never, Event, State>, 'evolve' | 'initialState'>,
  events: readonly Event[],
): State {
  return events.reduce(decider.evolve, decider.initialState);
}
