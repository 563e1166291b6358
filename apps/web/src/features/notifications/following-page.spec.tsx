import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Following } from './following-page.js';
import { renderWithApi } from './test-api.js';

function setup() {
  const state = { tagLevel: 'WATCHING_FIRST_POST', followsQuestion: true };
  const api = renderWithApi(<Following />, (req) => {
    switch (req.operationName) {
      case 'SetFollowLevel': {
        const input = req.variables['input'] as { targetType: string; target: string; level: string };
        if (input.targetType === 'TAG') state.tagLevel = input.level;
        return { data: { setFollowLevel: { __typename: 'Follow', ...input } } };
      }
      case 'UnfollowQuestion':
        state.followsQuestion = false;
        return {
          data: { unfollowQuestion: { __typename: 'Question', id: 'q1', viewerFollows: false, followerCount: 2 } },
        };
      default:
        return {
          data: {
            followedTags: [
              {
                __typename: 'Tag',
                name: 'pmo',
                questionCount: 12,
                viewerFollows: true,
                viewerFollowLevel: state.tagLevel,
                followerCount: 40,
              },
            ],
            followedQuestions: {
              __typename: 'QuestionConnection',
              edges: state.followsQuestion
                ? [
                    {
                      __typename: 'QuestionEdge',
                      node: {
                        __typename: 'Question',
                        id: 'q1',
                        title: 'How do I move into a PMO?',
                        viewerFollows: true,
                        viewerFollowLevel: 'TRACKING',
                        followerCount: 3,
                      },
                    },
                  ]
                : [],
            },
            followedMentors: [
              {
                __typename: 'MentorProfile',
                headline: 'PMO lead',
                viewerFollows: true,
                followerCount: 9,
                user: { __typename: 'User', id: 'm1', handle: 'priya', displayName: 'Priya Raman' },
              },
            ],
          },
        };
    }
  });
  return api;
}

describe('Following', () => {
  it('lists followed tags, questions and mentors with their levels; "Watching first post" only for tags', async () => {
    setup();
    const tagLevel = await screen.findByRole('combobox', { name: 'Level for pmo' });
    expect((tagLevel as HTMLSelectElement).value).toBe('WATCHING_FIRST_POST');
    const questionLevel = screen.getByRole('combobox', { name: 'Level for How do I move into a PMO?' });
    expect((questionLevel as HTMLSelectElement).value).toBe('TRACKING');
    expect([...(questionLevel as HTMLSelectElement).options].map((o) => o.value)).toEqual([
      'WATCHING',
      'TRACKING',
      'NORMAL',
      'MUTED',
    ]);
    expect([...(tagLevel as HTMLSelectElement).options].map((o) => o.value)).toContain('WATCHING_FIRST_POST');
    expect(screen.getByRole('link', { name: 'Priya Raman' }).getAttribute('href')).toBe('/u/priya');
    expect(screen.getByRole('link', { name: 'pmo' }).getAttribute('href')).toBe('/?tag=pmo');
  });

  it('changes a level and says so', async () => {
    const api = setup();
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Level for pmo' }), 'MUTED');
    await waitFor(() => expect(screen.getByTestId('following-status').textContent).toBe('pmo: Muted.'));
    expect(api.sent('SetFollowLevel')[0].variables).toEqual({
      input: { targetType: 'TAG', target: 'pmo', level: 'MUTED' },
    });
    expect((screen.getByRole('combobox', { name: 'Level for pmo' }) as HTMLSelectElement).value).toBe('MUTED');

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Level for Priya Raman' }), 'MUTED');
    await waitFor(() =>
      expect((screen.getByRole('combobox', { name: 'Level for Priya Raman' }) as HTMLSelectElement).value).toBe(
        'MUTED',
      ),
    );
    expect(api.sent('SetFollowLevel')[1].variables).toEqual({
      input: { targetType: 'MENTOR', target: 'priya', level: 'MUTED' },
    });
  });

  it('unfollows a question, which leaves the list', async () => {
    const api = setup();
    const questions = await screen.findByRole('region', { name: 'Questions' });
    await userEvent.click(within(questions).getByRole('button', { name: 'Unfollow How do I move into a PMO?' }));
    await waitFor(() =>
      expect(screen.getByTestId('following-status').textContent).toBe(
        'You no longer follow How do I move into a PMO?.',
      ),
    );
    expect(api.sent('UnfollowQuestion')[0].variables).toEqual({ id: 'q1' });
    await within(questions).findByText(/No questions yet/);
  });
});
