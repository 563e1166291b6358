import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithApi, type Request } from '../notifications/test-api.js';
import { ConfirmEmailPage } from './confirm-email-page.js';
import { ChangeEmailForm } from './email-settings.js';

describe('ChangeEmailForm', () => {
  it('checks the fields before sending anything', async () => {
    const sent: Request[] = [];
    renderWithApi(<ChangeEmailForm />, (req) => {
      sent.push(req);
      return { data: { requestEmailChange: true } };
    });
    await userEvent.type(screen.getByLabelText('New address'), 'not-an-address');
    await userEvent.click(screen.getByRole('button', { name: 'Change address' }));
    await screen.findByText('Enter an email address like name@example.com.');
    expect(screen.getByText('Enter your current password.')).toBeTruthy();
    expect(sent.filter((r) => r.operationName === 'RequestEmailChange')).toEqual([]);
  });

  it('sends the new address with the password and says where the link went', async () => {
    const sent: Request[] = [];
    renderWithApi(<ChangeEmailForm />, (req) => {
      sent.push(req);
      return { data: { requestEmailChange: true } };
    });
    await userEvent.type(screen.getByLabelText('New address'), ' Ada@New.example ');
    await userEvent.type(screen.getByLabelText('Current password'), 'my current password');
    await userEvent.click(screen.getByRole('button', { name: 'Change address' }));
    await screen.findByText('Check ada@new.example: follow the link there to switch to it.');
    expect(sent.find((r) => r.operationName === 'RequestEmailChange')?.variables).toEqual({
      input: { newEmail: 'ada@new.example', password: 'my current password' },
    });
    expect((screen.getByLabelText('Current password') as HTMLInputElement).value).toBe('');
  });

  it('puts a wrong password on the password field', async () => {
    renderWithApi(<ChangeEmailForm />, () => ({
      data: null,
      errors: [
        {
          message: 'password is not your current password.',
          extensions: { code: 'BAD_USER_INPUT', field: 'password' },
        },
      ],
    }));
    await userEvent.type(screen.getByLabelText('New address'), 'ada@new.example');
    await userEvent.type(screen.getByLabelText('Current password'), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Change address' }));
    await screen.findByText('password is not your current password.');
    expect(document.activeElement).toBe(screen.getByLabelText('Current password'));
  });
});

describe('ConfirmEmailPage', () => {
  it('confirms the link once and shows the new address', async () => {
    const sent: Request[] = [];
    renderWithApi(
      <ConfirmEmailPage />,
      (req) => {
        sent.push(req);
        return {
          data: { confirmEmailChange: { __typename: 'User', id: 'u1', email: 'ada@new.example', emailVerified: true } },
        };
      },
      { path: '/confirm-email', initial: '/confirm-email?token=abc' },
    );
    await screen.findByRole('heading', { level: 1, name: 'Your email address is changed' });
    expect(screen.getByRole('status').textContent).toMatch(/ada@new\.example/);
    expect(sent.filter((r) => r.operationName === 'ConfirmEmailChange').map((r) => r.variables)).toEqual([
      { token: 'abc' },
    ]);
  });

  it('turns an expired or used link into a page that offers a new one', async () => {
    renderWithApi(
      <ConfirmEmailPage />,
      () => ({
        data: null,
        errors: [
          {
            message: 'This link has expired or was already used. Ask for a new one from your settings.',
            extensions: { code: 'BAD_USER_INPUT', field: 'token' },
          },
        ],
      }),
      { path: '/confirm-email', initial: '/confirm-email?token=old' },
    );
    await screen.findByRole('heading', { level: 1, name: 'This change of address link no longer works' });
    expect(screen.getByTestId('link-problem').textContent).toMatch(/expired or was already used/);
    expect(screen.getByRole('link', { name: 'Ask for a new link' }).getAttribute('href')).toBe('/settings/email');
  });
});
