import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Link } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useDisclosure } from './use-disclosure.js';

function Menu() {
  const { open, buttonProps, contentId, rootRef } = useDisclosure<HTMLDivElement>();
  return (
    <div ref={rootRef}>
      <button {...buttonProps}>Menu</button>
      <ul id={contentId} hidden={!open}>
        <li>
          <Link to="/elsewhere">Elsewhere</Link>
        </li>
      </ul>
    </div>
  );
}

function renderMenu() {
  render(
    <MemoryRouter>
      <Menu />
      <p>Outside</p>
    </MemoryRouter>,
  );
  return screen.getByRole('button', { name: 'Menu' });
}

describe('useDisclosure', () => {
  it('toggles with the button and says so with aria-expanded and aria-controls', async () => {
    const button = renderMenu();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('link', { name: 'Elsewhere' })).toBeNull();
    await userEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById(button.getAttribute('aria-controls') ?? '')?.hidden).toBe(false);
    await userEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('closes on Escape and puts focus back on the button', async () => {
    const button = renderMenu();
    await userEvent.click(button);
    screen.getByRole('link', { name: 'Elsewhere' }).focus();
    await userEvent.keyboard('{Escape}');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);
  });

  it('closes on a press outside, not on one inside', async () => {
    const button = renderMenu();
    await userEvent.click(button);
    await userEvent.pointer({ keys: '[MouseLeft>]', target: screen.getByRole('list') });
    await userEvent.pointer({ keys: '[/MouseLeft]', target: screen.getByRole('list') });
    expect(button.getAttribute('aria-expanded')).toBe('true');
    await userEvent.click(screen.getByText('Outside'));
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('closes on navigation', async () => {
    const button = renderMenu();
    await userEvent.click(button);
    await userEvent.click(screen.getByRole('link', { name: 'Elsewhere' }));
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });
});
