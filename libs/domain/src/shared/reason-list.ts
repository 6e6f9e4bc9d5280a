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

/**
 * A reason reported outside the four categories, with an `extensions.code` of its own (e.g.
 * UNAUTHENTICATED, BAD_REQUEST, CONSISTENCY_TIMEOUT): the read side's and the API's refusals that
 * are no DomainError.
 */
export interface CodedReasonDefinition {
  readonly code: string;
  readonly description: string;
  /** Listed so the code keeps its meaning, though nothing reports it today. */
  readonly reserved?: true;
}

/**
 * The reasons of the read side or of the API, keyed by the reason code: each has a category (a
 * DomainError, or an error the API reports with that category's code) or a code of its own.
 */
export type AnyReasonList = Readonly<Record<string, ReasonDefinition | CodedReasonDefinition>>;

/** The reasons of a list that have a category: those a DomainError may carry. */
export type CategoryReason<List extends AnyReasonList> = {
  [Reason in keyof List & string]: List[Reason] extends ReasonDefinition ? Reason : never;
}[keyof List & string];

/** The reasons of a list that have a code of their own. */
export type CodedReason<List extends AnyReasonList> = {
  [Reason in keyof List & string]: List[Reason] extends CodedReasonDefinition ? Reason : never;
}[keyof List & string];

/** How each category is reported as `extensions.code`: the API owns that mapping and passes it in. */
export type CodeByCategory = Readonly<Record<DomainErrorCategory, string>>;

/** Builds the DomainError of a reason of one list; any other reason is a compile error. */
export type ReasonError<List extends AnyReasonList> = (
  reason: CategoryReason<List>,
  message: string,
  details?: DomainError['details'],
) => DomainError;

/**
 * The typed way to refuse: the category comes from the list, so the list (and docs/errors.md,
 * rendered from it) cannot disagree with what is thrown.
 */
export function reasonError<List extends AnyReasonList>(reasons: List): ReasonError<List> {
  return (reason, message, details) => {
    const definition = reasons[reason] as ReasonDefinition;
    return new DomainError(definition.category, reason, message, details);
  };
}

/**
 * The `code` and `reason` of a refusal that is no DomainError: a GraphQLError's `extensions`, an
 * HTTP error body. A type, not an interface, so that it fits GraphQL's extensions record.
 */
export type ReasonExtensions = { readonly code: string; readonly reason: string };

/**
 * The typed way to report a reason outside a DomainError (spread into a GraphQLError's `extensions`
 * or an HTTP error body): the code comes from the list, so the list and docs/errors.md cannot
 * disagree with what clients receive. Without `codes`, only the reasons with a code of their own
 * may be reported; with the API's mapping, those with a category too (as that category's code).
 */
export function reasonExtensions<List extends AnyReasonList>(
  reasons: List,
): (reason: CodedReason<List>) => ReasonExtensions;
export function reasonExtensions<List extends AnyReasonList>(
  reasons: List,
  codes: CodeByCategory,
): (reason: keyof List & string) => ReasonExtensions;
export function reasonExtensions(reasons: AnyReasonList, codes?: CodeByCategory): (reason: string) => ReasonExtensions {
  return (reason) => {
    const definition = reasons[reason]!;
    if ('code' in definition) return { code: definition.code, reason };
    if (!codes) throw new Error(`${reason} has a category: report it with the API's codes`);
    return { code: codes[definition.category], reason };
  };
}
