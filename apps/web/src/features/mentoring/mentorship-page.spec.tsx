import { screen, waitFor, within } from '@testing-library/react';
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

type Msg = { id: string; body: string; authorId: string; removed?: boolean; reported?: boolean };

function workspace(messages: Msg[] = []) {
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
            body: m.removed ? '' : m.body,
            removedByModerator: m.removed ?? false,
            viewerReported: m.reported ?? false,
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

function setup(state: { messages: Msg[] } = { messages: [] }) {
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
        case 'ReportMentorshipMessage':
          return { data: { reportMentorshipMessage: true } };
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

  it("reports the other person's message with a reason; removed messages say so", async () => {
    const api = setup({
      messages: [
        { id: 'x3', body: 'Mine: thanks!', authorId: member.id },
        { id: 'x2', body: 'Not a nice thing to say', authorId: mentor.id, removed: true },
        { id: 'x1', body: 'You will not make it', authorId: mentor.id },
      ],
    });
    await screen.findByText('Removed by a moderator.');
    expect(screen.getAllByRole('button', { name: /^Report this message from/ })).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'Report this message from Wren Mentor' }));
    const dialog = await screen.findByRole('dialog', { name: 'Report this message' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send report' }));
    expect(await within(dialog).findByText(/Say why in 3 to 500 characters/)).toBeTruthy();
    expect(api.sent('ReportMentorshipMessage')).toHaveLength(0);
    await userEvent.type(within(dialog).getByLabelText('Why are you reporting it?'), 'Belittling');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send report' }));
    await within(dialog).findByText(/Thank you\. A moderator will read this message/);
    expect(api.sent('ReportMentorshipMessage').map((r) => r.variables['input'])).toEqual([
      { messageId: 'x1', reason: 'Belittling' },
    ]);
    // Closed: the message says it was reported (no second "Report"), and that note has the focus.
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    const note = await screen.findByText('You reported this message.');
    await waitFor(() => expect(document.activeElement).toBe(note));
    expect(screen.queryAllByRole('button', { name: /^Report this message from/ })).toHaveLength(0);
  });

  it('a message the viewer reported before says so instead of offering "Report"', async () => {
    setup({ messages: [{ id: 'x1', body: 'You will not make it', authorId: mentor.id, reported: true }] });
    await screen.findByText('You reported this message.');
    expect(screen.queryAllByRole('button', { name: /^Report this message from/ })).toHaveLength(0);
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
      // With the browser's zone, for the mentee's notifications and reminders.
      {
        mentorshipId: 'm1',
        startsAt: SLOTS[2],
        minutes: 30,
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      },
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
