import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ModerationWordList, type Principal, inTransaction } from '@crossroads/api-platform';
import { ModerationLogService, WORD_LIST_TARGET_ID } from '../log/moderation-log.service.js';
import * as stored from './moderation-words.repository.js';

/** How long an instance trusts its cached copy of the list (changes made elsewhere show up within this). */
export const WORD_LIST_CACHE_MS = 30_000;

/**
 * The admin-edited moderation word list (table moderation_words). The comment hold policy reads it
 * through the platform's ModerationWordList: cached per instance for WORD_LIST_CACHE_MS, replaced at
 * once when the list is changed through this instance.
 */
@Injectable()
export class ModerationWordsService extends ModerationWordList {
  private cached: { words: readonly string[]; at: number } | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly log: ModerationLogService,
  ) {
    super();
  }

  async words(manager?: EntityManager): Promise<readonly string[]> {
    if (this.cached && Date.now() - this.cached.at < WORD_LIST_CACHE_MS) return this.cached.words;
    const words = await this.read(manager ?? this.dataSource.manager);
    this.cached = { words, at: Date.now() };
    return words;
  }

  /** The list as stored (not cached), for moderators. */
  list(): Promise<string[]> {
    return this.read(this.dataSource.manager);
  }

  /** Replaces the list (ADMIN); logs what was added and removed. Takes effect on this instance at once. */
  async set(actor: Principal, input: string[]): Promise<string[]> {
    const wanted = [...new Set(input)].sort();
    const result = await inTransaction(this.dataSource, async (m) => {
      await stored.lockForEdit(m);
      const current = await this.read(m);
      const added = wanted.filter((w) => !current.includes(w));
      const removed = current.filter((w) => !wanted.includes(w));
      if (removed.length) await stored.remove(m, removed);
      if (added.length) await stored.add(m, added, actor.id);
      if (added.length || removed.length) {
        await this.log.record(m, {
          actorId: actor.id,
          action: 'SET_MODERATION_WORDS',
          targetType: 'WORD_LIST',
          targetId: WORD_LIST_TARGET_ID,
          details: { added, removed, count: wanted.length },
        });
      }
      return wanted;
    });
    this.cached = { words: result, at: Date.now() };
    return result;
  }

  private read(m: EntityManager): Promise<string[]> {
    return stored.all(m);
  }
}
