import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ActionDialog, DialogActions } from './action-dialog.js';

describe('ActionDialog', () => {
  it('opens a dialog named by its title and closes it from the body', async () => {
    render(
      <ActionDialog label="Hide" title="Hide this answer">
        {(close) => (
          <button type="button" onClick={close}>
            Cancel
          </button>
        )}
      </ActionDialog>,
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Hide' }));
    expect(screen.getByRole('dialog', { name: 'Hide this answer' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('closes on Escape and gives focus back to its button', async () => {
    render(
      <ActionDialog label="Delete" title="Delete this answer?">
        {() => <p>Sure?</p>}
      </ActionDialog>,
    );
    const trigger = screen.getByRole('button', { name: 'Delete' });
    await userEvent.click(trigger);
    expect(screen.getByRole('dialog')).toBeTruthy();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    // react-aria restores focus on the next frame.
    await waitFor(() => expect(document.activeElement).toBe(trigger));
  });
});

describe('DialogActions', () => {
  it('submits the form, is disabled while busy, and cancels', async () => {
    const onSubmit = vi.fn((e: { preventDefault: () => void }) => e.preventDefault());
    const onCancel = vi.fn();
    const { rerender } = render(
      <form onSubmit={onSubmit}>
        <DialogActions submitLabel="Hide" danger onCancel={onCancel} />
      </form>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Hide' }));
    expect(onSubmit).toHaveBeenCalledOnce();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledOnce();
    rerender(
      <form onSubmit={onSubmit}>
        <DialogActions submitLabel="Hide" danger busy onCancel={onCancel} />
      </form>,
    );
    expect(screen.getByRole('button', { name: 'Hide' })).toHaveProperty('disabled', true);
  });
});
