import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { unknownWordSuggestions } from './spelling.repository.js';

/** Words of a websearch query that are worth spell-checking (not the `or` operator). */
export function queryWords(search: string): string[] {
  const words = search.toLowerCase().match(/[a-z][a-z0-9+#.-]*[a-z0-9+#]|[a-z]/g) ?? [];
  return [...new Set(words.filter((w) => w !== 'or' && w.length >= 3))];
}

/** Replaces whole words of `search` (case-insensitively) by their corrections, keeping quotes and minus signs. */
export function applyCorrections(search: string, corrections: ReadonlyMap<string, string>): string {
  return search.replace(
    /[A-Za-z][A-Za-z0-9+#.-]*[A-Za-z0-9+#]|[A-Za-z]/g,
    (word) => corrections.get(word.toLowerCase()) ?? word,
  );
}

/**
 * "Did you mean": words the questions never used are matched by trigram similarity (pg_trgm) against
 * the dictionary of words that questions do use (search_words, kept by a trigger).
 */
@Injectable()
export class SpellingService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The query with unknown words corrected, or null when there is nothing to correct. */
  async suggest(search: string): Promise<string | null> {
    const words = queryWords(search);
    if (!words.length) return null;
    const corrections = new Map<string, string>();
    for (const { input, suggestion } of await unknownWordSuggestions(this.dataSource, words))
      if (suggestion) corrections.set(input, suggestion);
    if (!corrections.size) return null;
    const corrected = applyCorrections(search, corrections);
    return corrected === search ? null : corrected;
  }
}
