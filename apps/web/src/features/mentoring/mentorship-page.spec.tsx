import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { member, renderWithApi, type Request } from '../notifications/test-api.js';
import { MentorshipPage } from './mentorship-page.js';

const user = (id: string, handle: string, displayName: string) => ({
  __typename: 'User',
  id,
  handle,
  displayName,
  reputation: 1,
  role: 'MEMBER',
});
const mentor = user('u2', 'wren', 'Wren Mentor');

function workspace(messages: { id: string; body: string; authorId: string }[] = []) {
  return {
    mentorship: {
      __typename: 'MentorshipRequest',
      id: 'm1',
      status: 'ACCEPTED',
      message: 'Help me move into a PMO role',
      goal: null,
      plan: null,
      planRevisions: [],
      checkIns: [],
      mentee: user(member.id, member.handle, member.displayName),
      mentor,
      sessions: [],
      messages: {
        __typename: 'MentorshipMessageConnection',
        totalCount: messages.length,
        unreadCount: 0,
        edges: messages.map((m) => ({
          __typename: 'MentorshipMessageEdge',
          cursor: m.id,
          node: {
            __typename: 'MentorshipMessage',
            id: m.id,
            body: m.body,
            createdAt: '2026-11-30T10:00:00.000Z',
            author: m.authorId === mentor.id ? mentor : user(member.id, member.handle, member.displayName),
          },
        })),
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
      },
    },
  };
}

// Two days, three slots (UTC instants; the page groups and labels them in the viewer's zone).
const SLOTS = ['2030-01-07T09:00:00.000Z', '2030-01-07T09:30:00.000Z', '2030-01-08T14:00:00.000Z'];

function setup(state: { messages: { id: string; body: string; authorId: string }[] } = { messages: [] }) {
  const api = renderWithApi(
    <MentorshipPage />,
    (req: Request) => {
      switch (req.operationName) {
        case 'MentorshipWorkspace':
          return { data: workspace(state.messages) };
        case 'BookableSlots':
          return { data: { bookableSlots: SLOTS } };
        case 'BookMentorshipSession': {
          const input = req.variables['input'] as { startsAt: string; minutes: number };
          const endsAt = new Date(new Date(input.startsAt).getTime() + input.minutes * 60_000).toISOString();
          return {
            data: {
              bookMentorshipSession: {
                __typename: 'MentorshipSession',
                id: 's1',
                startsAt: input.startsAt,
                endsAt,
                status: 'SCHEDULED',
                timeZone: 'UTC',
                icsUrl: '/calendar/sessions/s1.ics?u=u1&sig=x',
              },
            },
          };
        }
        default:
          return { data: null, errors: [{ message: `unexpected ${req.operationName}` }] };
      }
    },
    { path: '/mentorships/:id', initial: '/mentorships/m1' },
  );
  return api;
}

// The whole workspace renders (thread, plan, sessions, picker): on a loaded machine a click-through takes longer than 5 s.
describe('MentorshipPage', { timeout: 20_000 }, () => {
  it('asks for slots of the picked length', async () => {
    const api = setup();
    await screen.findByRole('combobox', { name: 'Day' });
    await userEvent.click(screen.getByRole('radio', { name: '45 minutes' }));
    await waitFor(() => expect(api.sent('BookableSlots').map((r) => r.variables['minutes'])).toContain(45));
  });

  it('books the picked day and time', async () => {
    const api = setup();
    const day = (await screen.findByRole('combobox', { name: 'Day' })) as HTMLSelectElement;
    expect(day.options).toHaveLength(2);
    await userEvent.selectOptions(day, day.options[1].value);
    const times = screen.getAllByRole('radio').filter((r) => (r as HTMLInputElement).name === 'slot');
    expect(times).toHaveLength(1);
    await userEvent.click(times[0]);
    await userEvent.click(screen.getByRole('button', { name: 'Book session' }));
    await screen.findByText(/^Booked:/);
    expect(api.sent('BookMentorshipSession').map((r) => r.variables['input'])).toEqual([
      { mentorshipId: 'm1', startsAt: SLOTS[2], minutes: 30 },
    ]);
  });

  it('asks for a time before booking', async () => {
    const api = setup();
    await screen.findByRole('combobox', { name: 'Day' });
    await userEvent.click(screen.getByRole('button', { name: 'Book session' }));
    await screen.findByText('Choose a time.');
    expect(api.sent('BookMentorshipSession')).toHaveLength(0);
  });

  it('shows a live message from the other participant and announces it', async () => {
    const state: { messages: { id: string; body: string; authorId: string }[] } = {
      messages: [{ id: 'a', body: 'Hello Wren', authorId: member.id }],
    };
    const api = setup(state);
    await screen.findByText('Hello Wren');
    await waitFor(() => expect(api.subscribed('MentorshipMessageAdded')).toBe(true));
    state.messages = [{ id: 'b', body: 'Hi! Thursday works.', authorId: mentor.id }, ...state.messages];
    api.push('MentorshipMessageAdded', {
      mentorshipMessageAdded: {
        __typename: 'MentorshipMessage',
        id: 'b',
        body: 'Hi! Thursday works.',
        createdAt: '2026-11-30T10:01:00.000Z',
        author: mentor,
      },
    });
    await screen.findByText('Hi! Thursday works.');
    expect(screen.getByTestId('thread-announcement').textContent).toBe('New message from Wren Mentor');
  });
});
