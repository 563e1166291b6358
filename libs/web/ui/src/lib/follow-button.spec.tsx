import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { FollowButton } from './follow-button.js';

/** A FollowButton whose props follow the server, as the cache would after the mutation. */
function Harness({
  onToggle,
  disabledReason,
}: {
  onToggle: (on: boolean) => Promise<unknown>;
  disabledReason?: string;
}) {
  const [state, setState] = useState({ following: false, count: 4 });
  return (
    <FollowButton
      following={state.following}
      followerCount={state.count}
      what="this question"
      disabledReason={disabledReason}
      onToggle={async (on) => {
        await onToggle(on);
        setState((s) => ({ following: on, count: s.count + (on ? 1 : -1) }));
      }}
    />
  );
}

describe('FollowButton', () => {
  it('is a toggle button with aria-pressed and shows the follower count', () => {
    render(<FollowButton following followerCount={1} what="the tag pmo" onToggle={vi.fn()} />);
    const button = screen.getByRole('button', { name: 'Follow the tag pmo', pressed: true });
    // The visible text is part of the name in both states (WCAG 2.5.3); the check shows it is on.
    expect(button.textContent).toBe('✓\u00a0Follow the tag pmo');
    expect(screen.getByTestId('follower-count').textContent).toBe('1 follower');
  });

  it('follows and unfollows, counting the viewer in at once', async () => {
    let release: () => void = () => undefined;
    const onToggle = vi.fn(() => new Promise<void>((r) => (release = r)));
    render(<Harness onToggle={onToggle} />);
    const button = screen.getByRole('button', { name: 'Follow this question', pressed: false });
    expect(screen.getByTestId('follower-count').textContent).toBe('4 followers');

    await userEvent.click(button);
    expect(onToggle).toHaveBeenLastCalledWith(true);
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('follower-count').textContent).toBe('5 followers');
    release();
    await waitFor(() => expect(button).toHaveProperty('disabled', false));
    expect(screen.getByTestId('follower-count').textContent).toBe('5 followers');

    await userEvent.click(button);
    expect(onToggle).toHaveBeenLastCalledWith(false);
    release();
    await waitFor(() => expect(button.getAttribute('aria-pressed')).toBe('false'));
    expect(screen.getByTestId('follower-count').textContent).toBe('4 followers');
  });

  it('rolls back and says so when the server refuses', async () => {
    render(<Harness onToggle={() => Promise.reject(new Error('network'))} />);
    await userEvent.click(screen.getByRole('button', { name: 'Follow this question' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Following did not work. Please try again.');
    expect(screen.getByRole('button', { name: 'Follow this question' }).getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByTestId('follower-count').textContent).toBe('4 followers');
  });

  it('tells guests why instead of acting', async () => {
    const onToggle = vi.fn();
    render(<Harness onToggle={onToggle} disabledReason="Sign in to follow questions." />);
    await userEvent.click(screen.getByRole('button', { name: 'Follow this question' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Sign in to follow questions.');
    expect(onToggle).not.toHaveBeenCalled();
  });
});
