import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { QueueCommentFragment } from '@crossroads/web-data-access';
import { QueueList, holdReasonLabel, type DecideResult } from './queue-list.js';

function comment(id: string, name: string, extra: Partial<QueueCommentFragment> = {}): QueueCommentFragment {
  return {
    __typename: 'Comment',
    id,
    body: `A held comment number ${id} that waits for a moderator.`,
    status: 'PENDING',
    createdAt: '2026-01-01T00:00:00.000Z',
    holdReason: 'GUEST',
    guestName: name,
    guestEmail: `${name.toLowerCase()}@example.com`,
    author: null,
    authorHistory: null,
    question: { __typename: 'Question', id: `q${id}`, title: `Question ${id}` },
    ...extra,
  };
}

function setup(onDecide = vi.fn(async (): Promise<DecideResult> => 'done')) {
  const items = [comment('1', 'Ann'), comment('2', 'Ben'), comment('3', 'Cid')];
  render(
    <MemoryRouter>
      <QueueList items={items} onDecide={onDecide} />
    </MemoryRouter>,
  );
  const cards = () => screen.getAllByTestId('queue-item');
  return { onDecide, cards };
}

describe('QueueList keyboard handling', () => {
  it('shows why it was held, the post in context and the guest name and email', () => {
    setup();
    const first = screen.getAllByTestId('queue-item')[0];
    expect(first.textContent).toContain('Guest comment');
    expect(first.textContent).toContain('ann@example.com');
    expect(screen.getByRole('link', { name: 'Question 1' }).getAttribute('href')).toBe('/q/q1');
    expect(holdReasonLabel('WORD_LIST')).toBe('Matches the moderation word list');
  });

  it('A on the focused item approves it, removes it, moves focus to the next and announces it', async () => {
    const { onDecide, cards } = setup();
    const user = userEvent.setup();
    await user.tab();
    expect(document.activeElement).toBe(cards()[0]);
    await user.keyboard('a');
    expect(onDecide).toHaveBeenCalledWith('1', 'APPROVE', null);
    await waitFor(() => expect(cards()).toHaveLength(2));
    expect(document.activeElement).toBe(cards()[0]);
    expect(cards()[0].textContent).toContain('Ben');
    expect(screen.getByTestId('queue-announcement').textContent).toBe(
      'Approved: comment by Ann (guest). 2 comments left in the queue.',
    );
  });

  it('R rejects and S marks as spam, with the typed reason; keys typed in the reason field do nothing', async () => {
    const { onDecide, cards } = setup();
    const user = userEvent.setup();
    const reason = screen.getAllByLabelText('Reason (optional)')[1];
    await user.type(reason, 'rude words');
    expect(onDecide).not.toHaveBeenCalled();
    cards()[1].focus();
    await user.keyboard('R');
    expect(onDecide).toHaveBeenCalledWith('2', 'REJECT', 'rude words');
    await waitFor(() => expect(cards()).toHaveLength(2));
    // The last item was decided: focus goes to the one before it.
    expect(document.activeElement?.textContent).toContain('Cid');
    await user.keyboard('s');
    expect(onDecide).toHaveBeenLastCalledWith('3', 'SPAM', null);
    await waitFor(() => expect(cards()).toHaveLength(1));
    expect(document.activeElement?.textContent).toContain('Ann');
  });

  it('a reason shorter than the API takes is refused before sending, and the item stays', async () => {
    const { onDecide, cards } = setup();
    const user = userEvent.setup();
    await user.type(screen.getAllByLabelText('Reason (optional)')[0], 'no');
    cards()[0].focus();
    await user.keyboard('r');
    expect(onDecide).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe(
      'Could not save the decision: Give a reason of at least 3 characters.',
    );
    expect(cards()).toHaveLength(3);
  });

  it('ignores other keys and modified keys', async () => {
    const { onDecide, cards } = setup();
    cards()[0].focus();
    fireEvent.keyDown(cards()[0], { key: 'x' });
    fireEvent.keyDown(cards()[0], { key: 'a', ctrlKey: true });
    expect(onDecide).not.toHaveBeenCalled();
  });

  it('a CONFLICT is announced politely and the item leaves the list', async () => {
    const { cards } = setup(vi.fn(async (): Promise<DecideResult> => 'conflict'));
    cards()[0].focus();
    await act(async () => {
      fireEvent.keyDown(cards()[0], { key: 'a' });
    });
    await waitFor(() => expect(cards()).toHaveLength(2));
    expect(screen.getByTestId('queue-announcement').textContent).toContain('already decided by another moderator');
    expect(screen.getByTestId('queue-announcement').getAttribute('aria-live')).toBe('polite');
  });

  it('a failed decision keeps the item and shows the error', async () => {
    const { cards } = setup(vi.fn(async (): Promise<DecideResult> => Promise.reject(new Error('Network down'))));
    cards()[0].focus();
    await act(async () => {
      fireEvent.keyDown(cards()[0], { key: 'a' });
    });
    await screen.findByText('Could not save the decision: Network down.');
    expect(cards()).toHaveLength(3);
  });

  it('the buttons decide too, and an empty queue says so', async () => {
    const user = userEvent.setup();
    const onDecide = vi.fn(async (): Promise<DecideResult> => 'done');
    render(
      <MemoryRouter>
        <QueueList items={[comment('9', 'Zed')]} onDecide={onDecide} />
      </MemoryRouter>,
    );
    await user.click(screen.getByRole('button', { name: /Spam/ }));
    expect(onDecide).toHaveBeenCalledWith('9', 'SPAM', null);
    await screen.findByText('The queue is empty. Nothing is waiting for a decision.');
    expect(document.activeElement?.textContent).toContain('The queue is empty');
  });
});
