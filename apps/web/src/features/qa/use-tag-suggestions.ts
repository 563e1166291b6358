import { useQuery } from '@apollo/client/react';
import { TagsDocument } from '@crossroads/web-data-access';
import { useDebounced } from './use-debounced.js';

/**
 * Existing tags matching what is typed in a TagInput, fetched after a short pause. While the next
 * answer loads the last one stays, so options do not vanish under the pointer (the ask form's
 * flaky pick); an empty box shows none.
 */
export function useTagSuggestions(text: string) {
  const typed = text.trim().toLowerCase();
  const debounced = useDebounced(typed, 200);
  const { data, previousData } = useQuery(TagsDocument, {
    variables: { first: 8, query: debounced },
    skip: !debounced,
  });
  const edges = (data ?? previousData)?.tags.edges ?? [];
  return typed ? edges.map((e) => e.node) : [];
}
