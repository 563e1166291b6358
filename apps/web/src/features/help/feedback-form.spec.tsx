import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FeedbackForm, feedbackProblem } from './feedback-form.js';

function graphqlError(message: string, extensions: Record<string, unknown>) {
  return new CombinedGraphQLErrors({ errors: [{ message, extensions }] });
}

function errorOf(input: HTMLElement): string | null {
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? [];
  const error = ids.map((id) => document.getElementById(id)).find((el) => el?.hasAttribute('data-field-error'));
  return error?.textContent ?? null;
}

describe('feedbackProblem', () => {
  it('checks 10–2,000 characters', () => {
    expect(feedbackProblem('  ')).toBe('Tell us what could be better.');
    expect(feedbackProblem('too short')).toBe('Feedback must be at least 10 characters (now 9).');
    expect(feedbackProblem('x'.repeat(2001))).toBe('Feedback must be at most 2,000 characters (now 2,001).');
    expect(feedbackProblem('Long enough feedback')).toBeNull();
  });
});

describe('FeedbackForm', () => {
  it('does not send a too-short message: the error is next to the field and focused', async () => {
    const onSend = vi.fn(async () => undefined);
    const user = userEvent.setup();
    render(<FeedbackForm onSend={onSend} />);
    const box = screen.getByLabelText('Your feedback');
    await user.type(box, 'short');
    await user.click(screen.getByRole('button', { name: 'Send feedback' }));
    expect(onSend).not.toHaveBeenCalled();
    expect(errorOf(box)).toBe('Feedback must be at least 10 characters (now 5).');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(box);
  });

  it('sends a valid message trimmed, thanks the reader and clears the field', async () => {
    const onSend = vi.fn(async () => undefined);
    const user = userEvent.setup();
    render(<FeedbackForm onSend={onSend} />);
    const box = screen.getByLabelText('Your feedback');
    await user.type(box, '  Please add an example of a PMO report.  ');
    await user.click(screen.getByRole('button', { name: 'Send feedback' }));
    expect(onSend).toHaveBeenCalledWith('Please add an example of a PMO report.');
    await screen.findByText(/Thank you! Your feedback was sent/);
    expect((box as HTMLTextAreaElement).value).toBe('');
  });

  it('shows RATE_LIMITED with the wait', async () => {
    const onSend = vi.fn(async () => {
      throw graphqlError('Too many requests.', { code: 'RATE_LIMITED', retryAfterSeconds: 42 });
    });
    const user = userEvent.setup();
    render(<FeedbackForm onSend={onSend} />);
    await user.type(screen.getByLabelText('Your feedback'), 'The second section is confusing.');
    await user.click(screen.getByRole('button', { name: 'Send feedback' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'You have sent a lot of feedback in a short time. Please wait 42 seconds and try again.',
      ),
    );
  });

  it("shows the server's field error next to the field", async () => {
    const onSend = vi.fn(async () => {
      throw graphqlError('Message must be at least 10 characters.', { code: 'BAD_USER_INPUT', field: 'input.message' });
    });
    const user = userEvent.setup();
    render(<FeedbackForm onSend={onSend} />);
    const box = screen.getByLabelText('Your feedback');
    await user.type(box, 'abcdefghijk');
    await user.click(screen.getByRole('button', { name: 'Send feedback' }));
    await waitFor(() => expect(errorOf(box)).toBe('Message must be at least 10 characters.'));
  });
});
