import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { VoteButton } from './vote-button.js';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Like the app: the server's answer updates the props (the Apollo cache). */
function Harness({ send }: { send: (v: number) => Promise<number> }) {
  const [state, setState] = useState({ score: 4, vote: 0 });
  return (
    <VoteButton
      label="answer"
      score={state.score}
      viewerVote={state.vote}
      onVote={async (value) => {
        const score = await send(value);
        setState({ score, vote: value });
      }}
    />
  );
}

const score = () => screen.getByTestId('score').textContent;

describe('VoteButton', () => {
  it('shows an upvote at once, and keeps it when the server confirms', async () => {
    const user = userEvent.setup();
    const pending = deferred<number>();
    const sent: number[] = [];
    render(<Harness send={(v) => (sent.push(v), pending.promise)} />);

    await user.click(screen.getByRole('button', { name: 'Upvote this answer' }));
    expect(score()).toBe('5');
    expect(screen.getByRole('button', { name: 'Upvote this answer' }).getAttribute('aria-pressed')).toBe('true');
    expect(sent).toEqual([1]);

    await act(async () => pending.resolve(5));
    expect(score()).toBe('5');
    expect(screen.getByRole('button', { name: 'Upvote this answer' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('rolls back and shows the reason when the server refuses', async () => {
    const user = userEvent.setup();
    const pending = deferred<number>();
    render(<Harness send={() => pending.promise} />);

    await user.click(screen.getByRole('button', { name: 'Downvote this answer' }));
    expect(score()).toBe('3');
    await act(async () => pending.reject(new Error('You cannot vote on your own post.')));
    expect(score()).toBe('4');
    expect(screen.getByRole('alert').textContent).toBe('You cannot vote on your own post.');
    expect(screen.getByRole('button', { name: 'Downvote this answer' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('withdraws a vote when the same arrow is pressed again, and switches from down to up', async () => {
    const user = userEvent.setup();
    const sent: number[] = [];
    let server = 4;
    render(
      <Harness
        send={async (v) => {
          sent.push(v);
          server = 4 + v;
          return server;
        }}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Upvote this answer' }));
    expect(score()).toBe('5');
    await user.click(screen.getByRole('button', { name: 'Upvote this answer' }));
    expect(score()).toBe('4');
    await user.click(screen.getByRole('button', { name: 'Downvote this answer' }));
    expect(score()).toBe('3');
    await user.click(screen.getByRole('button', { name: 'Upvote this answer' }));
    expect(score()).toBe('5');
    expect(sent).toEqual([1, 0, -1, 1]);
  });

  it('is disabled with the reason for guests', () => {
    render(
      <VoteButton
        label="question"
        score={2}
        viewerVote={null}
        onVote={async () => 0}
        disabledReason="Sign in to vote."
      />,
    );
    expect(screen.getByRole('button', { name: 'Upvote this question' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('group').getAttribute('title')).toBe('Sign in to vote.');
  });
});
