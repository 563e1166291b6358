/** Where a search was made: the question feed, or the help centre's combined search. */
export type SearchScope = 'QUESTIONS' | 'HELP';

/**
 * Records what people searched for and how many results they got, without who searched: the
 * insights context provides it (its "searches that found nothing"). Contexts that search inject it
 * with `@Optional()` and call it after answering; it never throws and never delays the answer.
 */
export abstract class SearchLog {
  abstract record(scope: SearchScope, query: string, results: number): void;
}
