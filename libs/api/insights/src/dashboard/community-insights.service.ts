import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { BadInputError } from '@crossroads/api-platform';
import { answerTimes, dailySeries, unansweredByTag } from '../activity/activity.repository.js';
import { mentorshipFigures } from '../mentoring/mentorships.repository.js';
import { decisionsByModerator, heldBacklog } from '../moderation/held-comments.repository.js';
import { unmetSearches } from '../searches/searches.repository.js';
import type { CommunityInsightsModel, InsightsPeriodInput } from './community-insights.model.js';
import { checkPeriod, isProblem } from './period.js';

const TAGS_SHOWN = 10;
const SEARCHES_SHOWN = 20;
const MODERATORS_SHOWN = 20;
const HOUR_MS = 3_600_000;

/** Reads the rollups only: a period's questions by their asked_at index, days from insights_daily. */
@Injectable()
export class CommunityInsightsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async community(input: InsightsPeriodInput): Promise<CommunityInsightsModel> {
    const period = checkPeriod(input.from, input.to);
    if (isProblem(period)) throw new BadInputError(period.field, period.message);
    const tag = input.tag ?? null;
    const { from, to } = period;
    const lastDay = new Date(to.getTime() - 1);
    const [activity, times, tags, searches, mentorship, backlog, decisions] = await Promise.all([
      dailySeries(this.dataSource, from, lastDay, tag ?? ''),
      answerTimes(this.dataSource, from, to, tag),
      unansweredByTag(this.dataSource, from, to, TAGS_SHOWN),
      unmetSearches(this.dataSource, from, to, SEARCHES_SHOWN),
      mentorshipFigures(this.dataSource, from, to),
      heldBacklog(this.dataSource),
      decisionsByModerator(this.dataSource, from, to, MODERATORS_SHOWN),
    ]);
    const byTag = tag ? tags.filter((t) => t.tag === tag) : tags;
    return {
      from,
      to,
      tag,
      activity: activity.map(({ day, questions, answers, comments }) => ({ day, questions, answers, comments })),
      questionsAsked: times.asked,
      questionsAnswered: times.answered,
      questionsAccepted: times.accepted,
      medianHoursToFirstAnswer: times.medianHoursToFirstAnswer,
      medianHoursToAcceptedAnswer: times.medianHoursToAcceptedAnswer,
      unansweredByTag: byTag.map((t) => ({ ...t, unansweredRate: t.questions ? t.unanswered / t.questions : 0 })),
      unmetSearches: searches,
      mentorship: {
        ...mentorship,
        acceptanceRate: mentorship.answered ? mentorship.accepted / mentorship.answered : null,
      },
      moderation: {
        heldNow: backlog.held,
        oldestHeldAt: backlog.oldestHeldAt,
        oldestHeldHours: backlog.oldestHeldAt ? (Date.now() - backlog.oldestHeldAt.getTime()) / HOUR_MS : null,
        decisions: decisions[0]?.allDecisions ?? 0,
        decisionsByModerator: decisions.map(({ moderatorId, decisions: n, medianHours }) => ({
          moderatorId,
          decisions: n,
          medianHours,
        })),
      },
    };
  }
}
