import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { BadInputError } from '@crossroads/api-platform';
import { answerTimes, dailySeries, unansweredByTag } from '../activity/activity.repository.js';
import { articleDays } from '../articles/articles.repository.js';
import { flagsByReason } from '../flags/flags.repository.js';
import { answersByTag, joinsByDay } from '../members/members.repository.js';
import { mentorshipFigures, reviewsByDay } from '../mentoring/mentorships.repository.js';
import { decisionsByModerator, heldBacklog } from '../moderation/held-comments.repository.js';
import { unmetSearches } from '../searches/searches.repository.js';
import type {
  ArticleInsightsModel,
  CommunityInsightsModel,
  FlagInsightsModel,
  InsightsPeriodInput,
  MentorInsightsModel,
  MentorshipInsightsModel,
  NewMemberInsightsModel,
} from './community-insights.model.js';
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
    const { from, to, lastDay } = period(input);
    const tag = input.tag ?? null;
    const [activity, times, tags, searches, mentorship, backlog, decisions, flags, joins, articles] = await Promise.all(
      [
        dailySeries(this.dataSource, from, lastDay, tag ?? ''),
        answerTimes(this.dataSource, from, to, tag),
        unansweredByTag(this.dataSource, from, to, TAGS_SHOWN),
        unmetSearches(this.dataSource, from, to, SEARCHES_SHOWN),
        mentorshipFigures(this.dataSource, from, to),
        heldBacklog(this.dataSource),
        decisionsByModerator(this.dataSource, from, to, MODERATORS_SHOWN),
        flagsByReason(this.dataSource, from, to),
        joinsByDay(this.dataSource, from, lastDay),
        articleDays(this.dataSource, from, lastDay),
      ],
    );
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
      medianBasis: times.medianBasis,
      unansweredByTag: byTag.map((t) => ({ ...t, unansweredRate: t.questions ? t.unanswered / t.questions : 0 })),
      unmetSearches: searches,
      mentorship: withRate(mentorship),
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
      flags: flagFigures(flags),
      newMembers: memberFigures(joins),
      articles: articleFigures(articles),
    };
  }

  /** The viewer's own figures as a mentor: requests to them, reviews of them, their answers by tag. */
  async mentor(mentorId: string, input: InsightsPeriodInput): Promise<MentorInsightsModel> {
    const { from, to, lastDay } = period(input);
    const [requests, reviews, tags] = await Promise.all([
      mentorshipFigures(this.dataSource, from, to, mentorId),
      reviewsByDay(this.dataSource, mentorId, from, lastDay),
      answersByTag(this.dataSource, [mentorId], TAGS_SHOWN),
    ]);
    const reviewCount = reviews.reduce((n, d) => n + d.reviews, 0);
    const starSum = reviews.reduce((n, d) => n + (d.averageRating ?? 0) * d.reviews, 0);
    return {
      from,
      to,
      requests: withRate(requests),
      reviewCount,
      averageRating: reviewCount ? starSum / reviewCount : null,
      reviews,
      answersByTag: tags.map(({ tag, answers, accepted }) => ({ tag, answers, accepted })),
    };
  }
}

function period(input: InsightsPeriodInput): { from: Date; to: Date; lastDay: Date } {
  const p = checkPeriod(input.from, input.to);
  if (isProblem(p)) throw new BadInputError(p.field, p.message);
  return { ...p, lastDay: new Date(p.to.getTime() - 1) };
}

const ratio = (part: number, whole: number) => (whole ? part / whole : null);

function withRate(m: Omit<MentorshipInsightsModel, 'acceptanceRate'>): MentorshipInsightsModel {
  return { ...m, acceptanceRate: ratio(m.accepted, m.answered) };
}

function flagFigures(rows: Awaited<ReturnType<typeof flagsByReason>>): FlagInsightsModel {
  const all = rows.find((r) => r.reason === null);
  return {
    flags: all?.flags ?? 0,
    resolved: all?.resolved ?? 0,
    medianHoursToResolve: all?.medianHoursToResolve ?? null,
    byReason: rows.flatMap(({ reason, ...r }) => (reason === null ? [] : [{ reason, ...r }])),
  };
}

function memberFigures(days: Awaited<ReturnType<typeof joinsByDay>>): NewMemberInsightsModel {
  const joined = days.reduce((n, d) => n + d.joined, 0);
  const returned = days.reduce((n, d) => n + d.returned, 0);
  return { joined, returned, returnRate: ratio(returned, joined), days };
}

function articleFigures(days: Awaited<ReturnType<typeof articleDays>>): ArticleInsightsModel {
  const sum = (k: 'ratings' | 'stars' | 'helpful' | 'feedback') => days.reduce((n, d) => n + d[k], 0);
  const ratings = sum('ratings');
  return {
    ratings,
    averageStars: ratio(sum('stars'), ratings),
    helpfulRate: ratio(sum('helpful'), ratings),
    feedback: sum('feedback'),
    days: days.map((d) => ({
      day: d.day,
      ratings: d.ratings,
      averageStars: ratio(d.stars, d.ratings),
      helpfulRate: ratio(d.helpful, d.ratings),
      feedback: d.feedback,
    })),
  };
}
