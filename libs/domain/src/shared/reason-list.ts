import { DomainError, type DomainErrorCategory } from './errors.js';

/** One stable reason code: its category (what the API maps to `extensions.code`) and what it means. */
export interface ReasonDefinition {
  readonly category: DomainErrorCategory;
  readonly description: string;
  /** Listed so the code keeps its meaning, though nothing throws it today. */
  readonly reserved?: true;
}

/** The reasons one aggregate (or the shared guards) may refuse a command with, keyed by the reason code. */
export type ReasonList = Readonly<Record<string, ReasonDefinition>>;

/** Builds the DomainError of a reason of one list; any other reason is a compile error. */
export type ReasonError<List extends ReasonList> = (
  reason: keyof List & string,
  message: string,
  details?: DomainError['details'],
) => DomainError;

/**
 * The typed way to refuse: the category comes from the list, so the list (and docs/errors.md,
 * rendered from it) cannot disagree with what is thrown.
 */
export function reasonError<List extends ReasonList>(reasons: List): ReasonError<List> {
  return (reason, message, details) => {
    const definition: ReasonDefinition = reasons[reason];
    return new DomainError(definition.category, reason, message, details);
  };
}
