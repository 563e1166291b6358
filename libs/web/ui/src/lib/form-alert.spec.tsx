import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FormAlert } from './form-alert.js';

describe('FormAlert', () => {
  it('renders nothing without a message (an empty alert is noise)', () => {
    const { container } = render(<FormAlert message={null} />);
    expect(container.innerHTML).toBe('');
    render(<FormAlert message="" />);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('announces the message and can take focus after a failed submit', () => {
    render(<FormAlert message="Wrong email or password." />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('Wrong email or password.');
    expect(alert.hasAttribute('data-form-error')).toBe(true);
    alert.focus();
    expect(document.activeElement).toBe(alert);
  });
});
