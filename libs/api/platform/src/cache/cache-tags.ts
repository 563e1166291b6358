import type { OperationDefinitionNode, DocumentNode, SelectionSetNode } from 'graphql';
import type { RecordedEvent } from '../events/domain-event.js';
import { ALL_TAG } from './cache-store.js';

/*
 * Which cached anonymous responses a write drops. An entry is tagged, when stored, with
 *   - `ref:<value>` for every `id` in its data and every string among its variables (ids, slugs, tags), and
 *   - `field:<name>` for every root field of its operation (`questions`, `question`, `tags`, …).
 * A committed domain event drops `ref:<id>` for every id in its payload (questionId, answerId,
 * authorId, …): the pages that show that thing (a question page is found by its id among the
 * variables even when its data names no id). Lists whose membership or order it may change (a new
 * question on the feed, a vote reordering it) and profiles go by root field for the event's context.
 * Anything not described here drops everything: moderation events, events of other contexts, and
 * mutations not covered by an event (below). ANON_CACHE_SECONDS bounds what no event announces
 * (writes by jobs or the command line).
 */

/** Root fields whose lists an event of a context may change. */
const LIST_FIELDS: Record<string, readonly string[]> = {
  // `user`: a profile lists the member's posts and reputation, whether or not the client asked for ids.
  qa: ['questions', 'search', 'similarQuestions', 'tags', 'user'],
  mentoring: ['mentors', 'user'],
};

/** Mutations whose every guest-visible change is announced by a domain event (qa and mentoring catalogues). */
const ANNOUNCED_BY_EVENTS = new Set([
  'askQuestion',
  'postAnswer',
  'addComment',
  'acceptAnswer',
  'unacceptAnswer',
  'vote',
  'editQuestion',
  'editAnswer',
  'requestMentorship',
  'respondToMentorship',
  'cancelMentorship',
  'completeMentorship',
  'reviewMentorship',
]);

/**
 * Mutations that change nothing a guest can read (sessions, the viewer's own settings, staff-only
 * feedback). Not `register`: a profile page cached as "no such member" must go.
 */
const INVISIBLE_TO_GUESTS = new Set([
  'login',
  'logout',
  'refreshSession',
  'changePassword',
  'revokeSession',
  'signOutEverywhere',
  'requestPasswordReset',
  'resendVerificationEmail',
  'verifyEmail',
  'resetPassword',
  'markNotificationsRead',
  'setNotificationSetting',
  'articleFeedback',
  'markArticleFeedbackDone',
]);

/** Events that change nothing a guest can read (insights' feeds): they drop nothing. */
const INVISIBLE_EVENTS = new Set(['accounts.member.signed-in', 'knowledge-base.feedback.sent']);

export const ref = (value: string) => `ref:${value}`;
export const field = (name: string) => `field:${name}`;

/** The tags a committed event drops. */
export function tagsForEvent(event: RecordedEvent<object>): string[] {
  if (INVISIBLE_EVENTS.has(event.type)) return [];
  const lists = LIST_FIELDS[event.type.split('.')[0]];
  if (!lists) return [ALL_TAG];
  const tags = new Set(lists.map(field));
  for (const [key, value] of Object.entries(event.payload)) {
    if (typeof value === 'string' && (key === 'id' || key.endsWith('Id'))) tags.add(ref(value));
  }
  if (event.actorId) tags.add(ref(event.actorId));
  return [...tags];
}

/** Whether a mutation with these root fields must drop the whole cache when it ends. */
export function mutationDropsAll(rootFields: readonly string[]): boolean {
  return rootFields.some((f) => !ANNOUNCED_BY_EVENTS.has(f) && !INVISIBLE_TO_GUESTS.has(f));
}

/** Root field names of an operation, through fragments. */
export function rootFields(operation: OperationDefinitionNode, document: DocumentNode): string[] {
  const names = new Set<string>();
  const fragments = new Map(
    document.definitions.flatMap((d) =>
      d.kind === 'FragmentDefinition' ? [[d.name.value, d.selectionSet] as const] : [],
    ),
  );
  const visit = (set: SelectionSetNode, seen: Set<string>) => {
    for (const s of set.selections) {
      if (s.kind === 'Field') names.add(s.name.value);
      else if (s.kind === 'InlineFragment') visit(s.selectionSet, seen);
      else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        const fragment = fragments.get(s.name.value);
        if (fragment) visit(fragment, seen);
      }
    }
  };
  visit(operation.selectionSet, new Set());
  names.delete('__typename');
  return [...names];
}

/** The tags an anonymous response is stored with. */
export function tagsForResponse(fields: readonly string[], data: unknown, variables: unknown): string[] {
  const tags = new Set(fields.map(field));
  const stack: unknown[] = [data];
  while (stack.length) {
    const value = stack.pop();
    if (Array.isArray(value)) stack.push(...value);
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (key === 'id' && typeof v === 'string') tags.add(ref(v));
        else if (v && typeof v === 'object') stack.push(v);
      }
    }
  }
  const vars: unknown[] = [variables];
  while (vars.length) {
    const value = vars.pop();
    if (typeof value === 'string' && value.length <= 200) tags.add(ref(value));
    else if (value && typeof value === 'object') vars.push(...Object.values(value));
  }
  return [...tags];
}
