import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import pg from 'pg';
import type { SourceKind } from '../attribution/post-source.entity.js';
import {
  answerUrl,
  clip,
  commentUrl,
  handleCandidates,
  htmlToMarkdown,
  isSourceId,
  licenceFor,
  parseDumpDate,
  parseIntOr,
  parseTags,
  postProblem,
  normalizeTagName,
  questionUrl,
  siteKey,
  userUrl,
} from './mapping.js';
import { XmlBreakError, xmlRowBatches, type Row } from './xml-rows.js';
import { bulkCreateAccounts, takenHandles } from '@crossroads/api-accounts';
import {
  addSearchWords,
  bulkInsertAnswers,
  bulkInsertComments,
  bulkInsertQuestions,
  bulkMarkAccepted,
  deferSearchWords,
  ensureTags,
  questionsOfAnswers,
} from '@crossroads/api-qa';

export interface ImportProgress {
  file: string;
  /** Bytes read over all the dump files so far, and their total. */
  bytesRead: number;
  totalBytes: number;
  /** Questions and answers written or found already imported so far. */
  posts: number;
}

export interface SkippedRow {
  file: string;
  id: string;
  reason: string;
}

export interface Counts {
  created: number;
  existing: number;
}

export interface ImportSummary {
  site: string;
  users: Counts;
  questions: Counts;
  answers: Counts;
  comments: Counts;
  acceptedAnswers: number;
  tagsCreated: number;
  /** Tag names that break Crossroads' tag rules: left off their question. */
  invalidTags: Array<{ postId: string; tag: string }>;
  /** Rows of other post types (tag wikis, …), not imported. */
  ignoredPosts: number;
  skipped: SkippedRow[];
  seconds: number;
  /** Questions and answers written per second, over the whole run. */
  postsPerSecond: number;
  /** Every row written (users, questions, answers, comments) per second. */
  rowsPerSecond: number;
  /** Seconds spent on each file read (Posts.xml with its accepted answers applied). */
  fileSeconds: Record<string, number>;
}

export interface ImportOptions {
  /** A PostgreSQL connection string of a migrated Crossroads database. */
  databaseUrl: string;
  /** The dump folder: Posts.xml required; Users.xml, Comments.xml and Tags.xml optional. */
  dir: string;
  /** The site's host name, e.g. history.meta.stackexchange.com; defaults to the folder's name. */
  site?: string;
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
}

interface UserRef {
  id: string;
  name: string;
}

const DELETED = 'deleted';
const LOCK_NAMESPACE = 'crossroads-import:';

class ImportError extends Error {
  constructor(
    message: string,
    /** What was imported before the import stopped, when it got that far. */
    readonly summary?: ImportSummary,
  ) {
    super(message);
  }
}

/**
 * Imports a Stack Exchange data dump into Crossroads, streaming each file in batches; each batch is
 * written with a few multi-row statements in one transaction. A batch that fails is retried row by
 * row, so a bad row is reported and skipped without aborting. Every imported row gets a
 * `post_sources` row keyed by (site, kind, original id): running the same import again adds nothing
 * and changes nothing. Counters (answer/comment/tag counts, qa_counters) and the search vector are
 * kept by the Q&A triggers as rows are inserted.
 */
export async function importStackExchange(options: ImportOptions): Promise<ImportSummary> {
  const dir = resolve(options.dir);
  const posts = join(dir, 'Posts.xml');
  if (!existsSync(posts)) throw new ImportError(`${posts} not found: a Stack Exchange dump folder holds Posts.xml`);
  const site = (options.site ?? basename(dir)).toLowerCase();
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(site) || site.length > 100)
    throw new ImportError(`"${site}" is not a site host name: pass --site <host>`);

  const client = new pg.Client({ connectionString: options.databaseUrl, application_name: 'crossroads-import' });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [LOCK_NAMESPACE + site]);
    const importer = new StackExchangeImporter(client, site, dir, options);
    return await importer.run();
  } finally {
    await client.end();
  }
}

class StackExchangeImporter {
  private readonly users = new Map<string, UserRef>();
  private readonly key: string;
  private readonly batchSize: number;
  private readonly files: Array<{ name: string; path: string; size: number }>;
  private readonly totalBytes: number;
  private doneBytes = 0;
  private postsSeen = 0;
  /** AcceptedAnswerId of the questions seen; `fresh`: the question was created in this run. */
  private readonly accepted: Array<[question: string, answer: string, fresh: boolean]> = [];
  private readonly summary: ImportSummary;
  /** Users created inside the open transaction: forgotten again if it rolls back. */
  private pendingUsers: string[] = [];

  constructor(
    private readonly db: pg.Client,
    private readonly site: string,
    dir: string,
    private readonly options: ImportOptions,
  ) {
    this.key = siteKey(site);
    this.batchSize = options.batchSize ?? 1000;
    this.files = ['Tags.xml', 'Users.xml', 'Posts.xml', 'Comments.xml']
      .map((name) => ({ name, path: join(dir, name) }))
      .filter((f) => existsSync(f.path))
      .map((f) => ({ ...f, size: statSync(f.path).size }));
    this.totalBytes = this.files.reduce((n, f) => n + f.size, 0);
    const counts = () => ({ created: 0, existing: 0 });
    this.summary = {
      site,
      users: counts(),
      questions: counts(),
      answers: counts(),
      comments: counts(),
      acceptedAnswers: 0,
      tagsCreated: 0,
      invalidTags: [],
      ignoredPosts: 0,
      skipped: [],
      seconds: 0,
      postsPerSecond: 0,
      rowsPerSecond: 0,
      fileSeconds: {},
    };
  }

  async run(): Promise<ImportSummary> {
    const started = performance.now();
    for (const file of this.files) {
      const fileStarted = performance.now();
      const handler = {
        'Tags.xml': (rows: Row[]) => this.importTags(rows),
        'Users.xml': (rows: Row[]) => this.importUsers(rows),
        'Posts.xml': (rows: Row[]) => this.importPosts(rows),
        'Comments.xml': (rows: Row[]) => this.importComments(rows),
      }[file.name as 'Posts.xml'];
      let broken: XmlBreakError | undefined;
      try {
        for await (const rows of xmlRowBatches(file.path, this.batchSize, (bytes) => this.progress(file.name, bytes))) {
          await this.resilient(file.name, rows, handler);
        }
      } catch (e) {
        if (!(e instanceof XmlBreakError)) throw e;
        broken = e;
      }
      this.doneBytes += file.size;
      this.progress(file.name, 0);
      if (file.name === 'Posts.xml') await this.applyAcceptedAnswers();
      this.summary.fileSeconds[file.name] = Math.round((performance.now() - fileStarted) / 100) / 10;
      if (broken) {
        // The rule for a cut-off or malformed file: the complete rows before the break are kept (as
        // any run keeps its committed batches), the rest of it and the files after it are not read,
        // and the import fails; once the file is fixed, a re-run adds only what is missing.
        throw new ImportError(
          `${broken.message}. The ${broken.rowsBefore} complete rows before the break were imported (apart from any reported as skipped); ` +
            `the rest of ${file.name} and the files after it were not read. Fix the file and run the import again: rows already imported are not duplicated.`,
          this.finish(started),
        );
      }
    }
    return this.finish(started);
  }

  private finish(started: number): ImportSummary {
    const seconds = (performance.now() - started) / 1000;
    const s = this.summary;
    const posts = s.questions.created + s.answers.created;
    const rows = posts + s.users.created + s.comments.created;
    return {
      ...s,
      seconds,
      postsPerSecond: seconds > 0 ? posts / seconds : 0,
      rowsPerSecond: seconds > 0 ? rows / seconds : 0,
    };
  }

  private progress(file: string, bytesRead: number): void {
    this.options.onProgress?.({
      file,
      bytesRead: this.doneBytes + bytesRead,
      totalBytes: this.totalBytes,
      posts: this.postsSeen,
    });
  }

  private skip(file: string, id: string | undefined, reason: string): void {
    this.summary.skipped.push({ file, id: id ?? '?', reason });
  }

  /** One transaction for the batch; when it fails, each row on its own so only bad rows are lost. */
  private async resilient(file: string, rows: Row[], handler: (rows: Row[]) => Promise<void>): Promise<void> {
    try {
      await this.transaction(() => handler(rows));
    } catch (e) {
      if (rows.length === 1) {
        this.skip(file, rows[0].Id, `not imported: ${(e as Error).message}`);
        return;
      }
      for (const row of rows) await this.resilient(file, [row], handler);
    }
  }

  private async transaction(work: () => Promise<void>): Promise<void> {
    const summaryBefore = JSON.stringify(this.summary);
    const acceptedBefore = this.accepted.length;
    const postsBefore = this.postsSeen;
    this.pendingUsers = [];
    await this.db.query('BEGIN');
    try {
      await deferSearchWords(this.db);
      await work();
      await this.db.query('COMMIT');
    } catch (e) {
      await this.db.query('ROLLBACK').catch(() => undefined);
      for (const id of this.pendingUsers) this.users.delete(id);
      Object.assign(this.summary, JSON.parse(summaryBefore));
      this.accepted.length = acceptedBefore;
      this.postsSeen = postsBefore;
      throw e;
    } finally {
      this.pendingUsers = [];
    }
  }

  private async existingSources(kinds: SourceKind[], ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const { rows } = await this.db.query<{ source_id: string; target_id: string }>(
      `SELECT source_id, target_id FROM post_sources WHERE site = $1 AND kind = ANY($2::varchar[]) AND source_id = ANY($3::varchar[])`,
      [this.site, kinds, ids],
    );
    return new Map(rows.map((r) => [r.source_id, r.target_id]));
  }

  private async insertSources(
    rows: Array<{
      kind: SourceKind;
      sourceId: string;
      targetId: string;
      url: string;
      authorName: string | null;
      authorUrl: string | null;
      license: string | null;
    }>,
  ): Promise<void> {
    if (!rows.length) return;
    await this.db.query(
      `INSERT INTO post_sources (site, kind, source_id, target_id, url, author_name, author_url, license)
       SELECT $1, * FROM unnest($2::varchar[], $3::varchar[], $4::uuid[], $5::varchar[], $6::varchar[], $7::varchar[], $8::varchar[])`,
      [
        this.site,
        rows.map((r) => r.kind),
        rows.map((r) => r.sourceId),
        rows.map((r) => r.targetId),
        rows.map((r) => clip(r.url, 300)),
        rows.map((r) => (r.authorName === null ? null : clip(r.authorName, 100))),
        rows.map((r) => r.authorUrl),
        rows.map((r) => r.license),
      ],
    );
  }

  // ---- tags -------------------------------------------------------------------------------------

  private async importTags(rows: Row[]): Promise<void> {
    const names: string[] = [];
    for (const row of rows) {
      const name = row.TagName === undefined ? null : normalizeTagName(row.TagName);
      if (name) names.push(name);
      else this.skip('Tags.xml', row.Id, `invalid tag name "${row.TagName ?? ''}"`);
    }
    this.summary.tagsCreated += await ensureTags(this.db, names);
  }

  // ---- users ------------------------------------------------------------------------------------

  private async importUsers(rows: Row[]): Promise<void> {
    const valid = rows.filter((row) => {
      if (isSourceId(row.Id)) return true;
      this.skip('Users.xml', row.Id, 'missing or invalid Id');
      return false;
    });
    const existing = await this.existingSources(
      ['USER'],
      valid.map((r) => r.Id),
    );
    const fresh: Row[] = [];
    for (const row of valid) {
      const id = existing.get(row.Id);
      if (id) {
        this.summary.users.existing += 1;
        this.users.set(row.Id, { id, name: clip(row.DisplayName?.trim() || `user ${row.Id}`, 60) });
      } else if (!this.users.has(row.Id)) {
        fresh.push(row);
      }
    }
    await this.createUsers(
      fresh.map((row) => ({
        sourceId: row.Id,
        name: row.DisplayName?.trim() || `user ${row.Id}`,
        createdAt: parseDumpDate(row.CreationDate),
      })),
    );
  }

  private async createUsers(list: Array<{ sourceId: string; name: string; createdAt: Date | null }>): Promise<void> {
    if (!list.length) return;
    const handles = await this.pickHandles(list);
    const ids = list.map(() => randomUUID());
    const names = list.map((u) => clip(u.name, 60));
    // Accounts without email or password (nobody signs in as them), as old as on the site.
    await bulkCreateAccounts(
      this.db,
      list.map((u, i) => ({ id: ids[i], handle: handles[i], displayName: names[i], createdAt: u.createdAt })),
    );
    await this.insertSources(
      list.map((u, i) => ({
        kind: 'USER',
        sourceId: u.sourceId,
        targetId: ids[i],
        url: u.sourceId === DELETED ? `https://${this.site}/users` : userUrl(this.site, u.sourceId),
        authorName: names[i],
        authorUrl: null,
        license: null,
      })),
    );
    list.forEach((u, i) => {
      this.users.set(u.sourceId, { id: ids[i], name: names[i] });
      this.pendingUsers.push(u.sourceId);
    });
    this.summary.users.created += list.length;
  }

  /** Handles derived from the display names, unique against the database and each other. */
  private async pickHandles(list: Array<{ sourceId: string; name: string }>): Promise<string[]> {
    const candidates = list.map((u) => handleCandidates(u.name, u.sourceId, this.key));
    const taken = await takenHandles(this.db, candidates.flat());
    return candidates.map((options) => {
      const handle =
        options.find((h) => !taken.has(h)) ?? `${options[options.length - 1].slice(0, 17)}-${randomUUID().slice(0, 6)}`;
      taken.add(handle);
      return handle;
    });
  }

  /** The accounts for these site user ids (null: a deleted user), creating "user N" placeholders as needed. */
  private async resolveUsers(sourceIds: Array<string | null>): Promise<void> {
    const wanted = [...new Set(sourceIds.map((id) => id ?? DELETED))].filter((id) => !this.users.has(id));
    if (!wanted.length) return;
    const existing = await this.existingSources(['USER'], wanted);
    const missing: Array<{ sourceId: string; name: string; createdAt: null }> = [];
    for (const id of wanted) {
      const target = existing.get(id);
      if (target) this.users.set(id, { id: target, name: id === DELETED ? 'deleted user' : `user ${id}` });
      else missing.push({ sourceId: id, name: id === DELETED ? 'deleted user' : `user ${id}`, createdAt: null });
    }
    if (existing.size) {
      // Names as stored at the first import (from Users.xml when it was there).
      const { rows } = await this.db.query<{ source_id: string; author_name: string | null }>(
        `SELECT source_id, author_name FROM post_sources WHERE site = $1 AND kind = 'USER' AND source_id = ANY($2::varchar[])`,
        [this.site, [...existing.keys()]],
      );
      for (const r of rows) if (r.author_name) must(this.users.get(r.source_id), 'user').name = r.author_name;
    }
    await this.createUsers(missing);
  }

  /** Who wrote a post or comment: the account, and the name and profile link for attribution. */
  private author(
    userId: string | undefined,
    displayName: string | undefined,
  ): { account: string; name: string; url: string | null } {
    if (isSourceId(userId)) {
      const user = must(this.users.get(userId), `user ${userId}`);
      return { account: user.id, name: user.name, url: userUrl(this.site, userId) };
    }
    return {
      account: must(this.users.get(DELETED), 'deleted user').id,
      name: displayName?.trim() || 'deleted user',
      url: null,
    };
  }

  private ownerOf(userId: string | undefined): string | null {
    return isSourceId(userId) ? userId : null;
  }

  // ---- posts ------------------------------------------------------------------------------------

  private async importPosts(rows: Row[]): Promise<void> {
    const questions: Row[] = [];
    const answers: Row[] = [];
    for (const row of rows) {
      const problem = postProblem(row);
      if (problem === 'ignored') this.summary.ignoredPosts += 1;
      else if (problem) this.skip('Posts.xml', row.Id, problem);
      else (row.PostTypeId === '1' ? questions : answers).push(row);
    }
    const existing = await this.existingSources(
      ['QUESTION', 'ANSWER'],
      [...questions, ...answers].map((r) => r.Id),
    );
    const newQuestions = questions.filter((r) => !existing.has(r.Id));
    const newAnswers = answers.filter((r) => !existing.has(r.Id));
    this.summary.questions.existing += questions.length - newQuestions.length;
    this.summary.answers.existing += answers.length - newAnswers.length;
    this.postsSeen += questions.length + answers.length - newQuestions.length - newAnswers.length;
    // An earlier run may have stopped before a question's accepted answer (a cut-off file): ask again.
    for (const r of questions)
      if (existing.has(r.Id) && isSourceId(r.AcceptedAnswerId)) this.accepted.push([r.Id, r.AcceptedAnswerId, false]);
    if (!newQuestions.length && !newAnswers.length) return;

    await this.resolveUsers([...newQuestions, ...newAnswers].map((r) => this.ownerOf(r.OwnerUserId)));
    await this.insertQuestions(newQuestions);
    await this.insertAnswers(newAnswers);
  }

  private async insertQuestions(rows: Row[]): Promise<void> {
    if (!rows.length) return;
    const tags = rows.map((row) => {
      const { valid, invalid } = parseTags(row.Tags);
      for (const tag of invalid) this.summary.invalidTags.push({ postId: row.Id, tag });
      return valid;
    });
    this.summary.tagsCreated += await ensureTags(this.db, tags.flat());
    const ids = rows.map(() => randomUUID());
    const authors = rows.map((r) => this.author(r.OwnerUserId, r.OwnerDisplayName));
    const created = rows.map((r) => must(parseDumpDate(r.CreationDate), 'CreationDate'));
    await bulkInsertQuestions(
      this.db,
      rows.map((r, i) => ({
        id: ids[i],
        authorId: authors[i].account,
        title: clip(r.Title.trim(), 150),
        body: htmlToMarkdown(r.Body),
        tags: tags[i],
        score: parseIntOr(r.Score, 0),
        viewCount: Math.max(0, parseIntOr(r.ViewCount, 0)),
        closedAt: parseDumpDate(r.ClosedDate),
        createdAt: created[i],
        updatedAt: parseDumpDate(r.LastEditDate),
        lastActivityAt: parseDumpDate(r.LastActivityDate),
      })),
    );
    await this.insertSources(
      rows.map((r, i) => ({
        kind: 'QUESTION',
        sourceId: r.Id,
        targetId: ids[i],
        url: questionUrl(this.site, r.Id),
        authorName: authors[i].name,
        authorUrl: authors[i].url,
        license: licenceFor(created[i]),
      })),
    );
    await addSearchWords(this.db, ids);
    for (const r of rows) if (isSourceId(r.AcceptedAnswerId)) this.accepted.push([r.Id, r.AcceptedAnswerId, true]);
    this.summary.questions.created += rows.length;
    this.postsSeen += rows.length;
  }

  private async insertAnswers(rows: Row[]): Promise<void> {
    if (!rows.length) return;
    const parents = await this.existingSources(['QUESTION'], [...new Set(rows.map((r) => r.ParentId))]);
    const placed = rows.filter((r) => {
      if (parents.has(r.ParentId)) return true;
      this.skip('Posts.xml', r.Id, `question ${r.ParentId} not imported`);
      return false;
    });
    if (!placed.length) return;
    const ids = placed.map(() => randomUUID());
    const authors = placed.map((r) => this.author(r.OwnerUserId, r.OwnerDisplayName));
    const created = placed.map((r) => must(parseDumpDate(r.CreationDate), 'CreationDate'));
    await bulkInsertAnswers(
      this.db,
      placed.map((r, i) => ({
        id: ids[i],
        questionId: must(parents.get(r.ParentId), 'parent'),
        authorId: authors[i].account,
        body: htmlToMarkdown(r.Body),
        score: parseIntOr(r.Score, 0),
        createdAt: created[i],
        updatedAt: parseDumpDate(r.LastEditDate),
      })),
    );
    await this.insertSources(
      placed.map((r, i) => ({
        kind: 'ANSWER',
        sourceId: r.Id,
        targetId: ids[i],
        url: answerUrl(this.site, r.Id),
        authorName: authors[i].name,
        authorUrl: authors[i].url,
        license: licenceFor(created[i]),
      })),
    );
    this.summary.answers.created += placed.length;
    this.postsSeen += placed.length;
  }

  /** Once all posts are in: marks the accepted answers of the questions seen in this run (where not marked yet). */
  private async applyAcceptedAnswers(): Promise<void> {
    for (let i = 0; i < this.accepted.length; i += 5000) {
      const chunk = this.accepted.slice(i, i + 5000);
      await this.transaction(async () => {
        // Site ids to ours (post_sources), then qa marks the pairs whose answer answers that question.
        const questions = await this.existingSources(
          ['QUESTION'],
          chunk.map((c) => c[0]),
        );
        const answers = await this.existingSources(
          ['ANSWER'],
          chunk.map((c) => c[1]),
        );
        const pairs = chunk.flatMap(([q, a]) => {
          const questionId = questions.get(q);
          const answerId = answers.get(a);
          return questionId && answerId ? [{ source: q, questionId, answerId }] : [];
        });
        const marked = await bulkMarkAccepted(this.db, pairs);
        const placed = new Set(marked.map((r) => r.questionId));
        const found = new Set(pairs.filter((p) => placed.has(p.questionId)).map((p) => p.source));
        this.summary.acceptedAnswers += marked.filter((r) => r.marked).length;
        // reported once, when the question is created (a re-run finds it again otherwise)
        for (const [q, a, fresh] of chunk)
          if (fresh && !found.has(q)) this.skip('Posts.xml', q, `accepted answer ${a} not imported`);
      });
    }
    this.accepted.length = 0;
  }

  // ---- comments ---------------------------------------------------------------------------------

  private async importComments(rows: Row[]): Promise<void> {
    const valid = rows.filter((row) => {
      const problem = !isSourceId(row.Id)
        ? 'missing or invalid Id'
        : !isSourceId(row.PostId)
          ? 'missing or invalid PostId'
          : !row.Text?.trim()
            ? 'empty Text'
            : !parseDumpDate(row.CreationDate)
              ? 'missing or invalid CreationDate'
              : null;
      if (problem) this.skip('Comments.xml', row.Id, problem);
      return !problem;
    });
    const existing = await this.existingSources(
      ['COMMENT'],
      valid.map((r) => r.Id),
    );
    const fresh = valid.filter((r) => !existing.has(r.Id));
    this.summary.comments.existing += valid.length - fresh.length;
    if (!fresh.length) return;

    const { rows: sources } = await this.db.query<{ source_id: string; kind: 'QUESTION' | 'ANSWER'; post_id: string }>(
      `SELECT source_id, kind, target_id AS post_id FROM post_sources WHERE site = $1 AND kind IN ('QUESTION', 'ANSWER') AND source_id = ANY($2::varchar[])`,
      [this.site, [...new Set(fresh.map((r) => r.PostId))]],
    );
    // An answer's comments also name its question (qa's answers know it).
    const questionOf = await questionsOfAnswers(
      this.db,
      sources.filter((t) => t.kind === 'ANSWER').map((t) => t.post_id),
    );
    const byPost = new Map(
      sources.flatMap((t) => {
        const questionId = t.kind === 'QUESTION' ? t.post_id : questionOf.get(t.post_id);
        return questionId ? [[t.source_id, { ...t, question_id: questionId }] as const] : [];
      }),
    );
    const placed = fresh.filter((r) => {
      if (byPost.has(r.PostId)) return true;
      this.skip('Comments.xml', r.Id, `post ${r.PostId} not imported`);
      return false;
    });
    if (!placed.length) return;
    await this.resolveUsers(placed.map((r) => this.ownerOf(r.UserId)));
    const ids = placed.map(() => randomUUID());
    const authors = placed.map((r) => this.author(r.UserId, r.UserDisplayName));
    const created = placed.map((r) => must(parseDumpDate(r.CreationDate), 'CreationDate'));
    await bulkInsertComments(
      this.db,
      placed.map((r, i) => {
        const post = must(byPost.get(r.PostId), 'post');
        return {
          id: ids[i],
          postType: post.kind,
          postId: post.post_id,
          questionId: post.question_id,
          authorId: authors[i].account,
          body: clip(r.Text.trim(), 600),
          createdAt: created[i],
        };
      }),
    );
    await this.insertSources(
      placed.map((r, i) => ({
        kind: 'COMMENT',
        sourceId: r.Id,
        targetId: ids[i],
        url: commentUrl(this.site, r.Id),
        authorName: authors[i].name,
        authorUrl: authors[i].url,
        license: licenceFor(created[i]),
      })),
    );
    this.summary.comments.created += placed.length;
  }
}

function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`${what} missing`);
  return value;
}

export function isImportError(e: unknown): e is Error & { summary?: ImportSummary } {
  return e instanceof ImportError;
}

/** The plain-text summary printed at the end of an import. */
export function formatSummary(s: ImportSummary, maxListed = 50): string {
  const c = (x: Counts) => `${x.created} new, ${x.existing} already imported`;
  const lines = [
    `Imported ${s.site} in ${s.seconds.toFixed(1)} s: ${Math.round(s.postsPerSecond)} posts/s (questions and answers), ${Math.round(s.rowsPerSecond)} rows/s in all`,
    `  users:     ${c(s.users)}`,
    `  questions: ${c(s.questions)}`,
    `  answers:   ${c(s.answers)}`,
    `  comments:  ${c(s.comments)}`,
    `  accepted answers: ${s.acceptedAnswers}; tags created: ${s.tagsCreated}; other post types ignored: ${s.ignoredPosts}`,
    `  time per file: ${Object.entries(s.fileSeconds)
      .map(([name, seconds]) => `${name} ${seconds.toFixed(1)} s`)
      .join(', ')}`,
  ];
  if (s.invalidTags.length) {
    lines.push(
      `  invalid tags left off (${s.invalidTags.length}): ${s.invalidTags
        .slice(0, maxListed)
        .map((t) => `"${t.tag}" on post ${t.postId}`)
        .join(', ')}`,
    );
  }
  lines.push(`  skipped rows: ${s.skipped.length}`);
  for (const row of s.skipped.slice(0, maxListed)) lines.push(`    ${row.file} Id=${row.id}: ${row.reason}`);
  if (s.skipped.length > maxListed) lines.push(`    … and ${s.skipped.length - maxListed} more`);
  return lines.join('\n');
}
