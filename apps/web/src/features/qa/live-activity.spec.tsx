import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApi } from '../notifications/test-api.js';
import { announcement, LiveQuestionActivity } from './live-activity.js';

const activity = (kind: string) => ({ questionActivity: { __typename: 'QuestionActivity', kind, question: { __typename: 'Question', id: 'q1' }, answer: null, comment: null } });

describe('LiveQuestionActivity', () => {
  it('refetches the page on every event and announces new posts politely', async () => {
    const refetch = vi.fn(async () => undefined);
    const api = renderWithApi(<LiveQuestionActivity questionId="q1" refetch={refetch} />, () => ({ data: {} }));
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
  });

  it('words the announcement', () => {
    expect(announcement({ answers: 2, comments: 0, accepted: false })).toBe('2 new answers');
    expect(announcement({ answers: 0, comments: 3, accepted: true })).toBe('3 new comments; an answer was accepted');
    expect(announcement({ answers: 0, comments: 0, accepted: true })).toBe('An answer was accepted');
  });
});
