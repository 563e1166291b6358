import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApi } from '../notifications/test-api.js';
import { announcement, LiveQuestionActivity } from './live-activity.js';

const activity = (kind: string, authorId = 'someone') => ({
  questionActivity: {
    __typename: 'QuestionActivity',
    kind,
    question: { __typename: 'Question', id: 'q1' },
    answer:
      kind === 'ANSWER_POSTED'
        ? { __typename: 'Answer', id: `a-${authorId}`, author: { __typename: 'User', id: authorId } }
        : null,
    comment:
      kind === 'COMMENT_POSTED'
        ? { __typename: 'Comment', id: `c-${authorId}`, author: { __typename: 'User', id: authorId } }
        : null,
  },
});

describe('LiveQuestionActivity', () => {
  it('refetches the page on every event and announces new posts politely', async () => {
    const refetch = vi.fn(async () => undefined);
    const api = renderWithApi(<LiveQuestionActivity questionId="q1" viewerId="me" refetch={refetch} />, () => ({
      data: {},
    }));
    await waitFor(() => expect(api.subscribed('QuestionActivity')).toBe(true));
    expect(api.sent('QuestionActivity')[0].variables).toEqual({ questionId: 'q1' });
    const region = screen.getByTestId('live-announcement');
    expect(region.getAttribute('aria-live')).toBe('polite');

    act(() => api.push('QuestionActivity', activity('ANSWER_POSTED')));
    await waitFor(() => expect(region.textContent).toBe('1 new answer'));
    act(() => api.push('QuestionActivity', activity('SCORE_CHANGED')));
    act(() => api.push('QuestionActivity', activity('COMMENT_POSTED')));
    await waitFor(() => expect(region.textContent).toBe('1 new answer and 1 new comment'));
    expect(refetch).toHaveBeenCalledTimes(3);
    // The viewer's own answer refreshes the page but is no news to them.
    act(() => api.push('QuestionActivity', activity('ANSWER_POSTED', 'me')));
    await waitFor(() => expect(refetch).toHaveBeenCalledTimes(4));
    expect(region.textContent).toBe('1 new answer and 1 new comment');
  });

  it('words the announcement', () => {
    expect(announcement({ answers: 2, comments: 0, accepted: false })).toBe('2 new answers');
    expect(announcement({ answers: 0, comments: 3, accepted: true })).toBe('3 new comments; an answer was accepted');
    expect(announcement({ answers: 0, comments: 0, accepted: true })).toBe('An answer was accepted');
  });
});
