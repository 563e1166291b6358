import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { LoaderRegistry } from '@crossroads/api-platform';
import { QuestionsService } from '@crossroads/api-qa';
import { profileFromRow } from '../common/sql.js';
import type { MentorProfileEntity } from '../profiles/mentor-profile.entity.js';
import type { MentorshipRequestModel } from '../requests/mentorship-request.model.js';
import { medianResponseHours, nextMentors } from './responsiveness.repository.js';

/** "Usually replies within …" and the next mentor to ask when a request ended without help. */
@Injectable()
export class ResponsivenessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly questions: QuestionsService,
  ) {}

  /** Median response hours per mentor (null without answers in the window), batched. */
  medianLoader(loaders: LoaderRegistry) {
    return loaders.get<string, number | null>('mentoring.responsiveness.median', async (ids) => {
      const found = new Map(
        (await medianResponseHours(this.dataSource, ids)).map((r) => [
          r.mentorId,
          Math.round(Number(r.hours) * 10) / 10,
        ]),
      );
      return ids.map((id) => found.get(id) ?? null);
    });
  }

  /** The next matched mentor per request (by id), batched: one statement for a page of requests. */
  nextMentorLoader(loaders: LoaderRegistry) {
    return loaders.get<MentorshipRequestModel, MentorProfileEntity | null>(
      'mentoring.responsiveness.nextMentor',
      async (requests) => {
        const questions = this.questions.byIdLoader(loaders);
        const keys = await Promise.all(
          requests.map(async (r) => ({
            requestId: r.id,
            menteeId: r.menteeId,
            mentorId: r.mentorId,
            tags: r.questionId ? ((await questions.load(r.questionId))?.tags ?? null) : null,
          })),
        );
        const found = new Map(
          (await nextMentors(this.dataSource, keys)).map((row) => [String(row.requestId), profileFromRow(row)]),
        );
        return requests.map((r) => found.get(r.id) ?? null);
      },
      { cacheKeyFn: (r) => r.id },
    );
  }
}
