import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithApi, type Request } from '../notifications/test-api.js';
import { OidcSignInOptions } from './oidc-sign-in.js';
import { ResetPasswordPage } from './password-reset-pages.js';
import { describeBrowser } from './sessions-settings.js';
import { SignInsSettings } from './sign-ins-settings.js';

describe('ResetPasswordPage', () => {
  it('sends the token with the new password', async () => {
    const sent: Request[] = [];
    renderWithApi(
      <ResetPasswordPage />,
      (req) => {
        sent.push(req);
        return { data: null, errors: [{ message: 'Slow down.', extensions: { code: 'RATE_LIMITED' } }] };
      },
      { path: '/reset-password', initial: '/reset-password?token=abc', signedIn: false },
    );
    await userEvent.type(await screen.findByLabelText('New password'), 'seven violet lanterns');
    await userEvent.click(screen.getByRole('button', { name: 'Save the new password' }));
    await screen.findByText('Slow down.');
    expect(sent[0]?.variables).toEqual({ input: { token: 'abc', newPassword: 'seven violet lanterns' } });
  });

  it('turns an expired or used link into a page that offers a new one', async () => {
    renderWithApi(
      <ResetPasswordPage />,
      () => ({
        data: null,
        errors: [
          {
            message: 'This link has expired or was already used. Ask for a new one.',
            extensions: { code: 'BAD_USER_INPUT', field: 'token' },
          },
        ],
      }),
      { path: '/reset-password', initial: '/reset-password?token=old', signedIn: false },
    );
    await userEvent.type(await screen.findByLabelText('New password'), 'seven violet lanterns');
    await userEvent.click(screen.getByRole('button', { name: 'Save the new password' }));
    await screen.findByRole('heading', { level: 1, name: 'This password reset link no longer works' });
    expect(screen.getByTestId('link-problem').textContent).toBe(
      'This link has expired or was already used. Ask for a new one.',
    );
    expect(screen.getByRole('link', { name: 'Ask for a new link' }).getAttribute('href')).toBe('/forgot-password');
  });

  it('says a link without a token is incomplete', async () => {
    renderWithApi(<ResetPasswordPage />, () => ({ data: {} }), { path: '/reset-password', signedIn: false });
    await screen.findByRole('heading', { level: 1, name: 'This password reset link no longer works' });
  });
});

describe('provider sign-in on the sign-in page', () => {
  it('offers each configured provider and explains why the last attempt failed', async () => {
    renderWithApi(
      <OidcSignInOptions />,
      () => ({ data: { oidcProviders: [{ __typename: 'OidcProvider', id: 'corp', displayName: 'Corp SSO' }] } }),
      {
        path: '/sign-in',
        initial: '/sign-in?oidcError=unverified_email',
        signedIn: false,
      },
    );
    const button = await screen.findByRole('link', { name: 'Sign in with Corp SSO' });
    expect(button.getAttribute('href')).toBe('/auth/oidc/corp');
    expect(screen.getByRole('alert').textContent).toMatch(/has not verified your email address/);
  });
});

describe('SignInsSettings', () => {
  it('lists linked sign-ins, unlinks one, and shows the server’s refusal for the last one', async () => {
    const calls: Request[] = [];
    renderWithApi(<SignInsSettings />, (req) => {
      calls.push(req);
      if (req.operationName === 'OidcProviders')
        return { data: { oidcProviders: [{ __typename: 'OidcProvider', id: 'corp', displayName: 'Corp SSO' }] } };
      if (req.operationName === 'UnlinkIdentity')
        return {
          data: null,
          errors: [
            { message: 'This is your only way to sign in.', extensions: { code: 'BAD_USER_INPUT', field: 'id' } },
          ],
        };
      return {
        data: {
          mySignInMethods: {
            __typename: 'SignInMethods',
            hasPassword: false,
            identities: [
              {
                __typename: 'LinkedIdentity',
                id: 'i1',
                provider: 'corp',
                providerName: 'Corp SSO',
                email: 'ada@corp.example',
                createdAt: '2026-11-01T00:00:00.000Z',
                lastUsedAt: null,
              },
            ],
          },
        },
      };
    });
    await screen.findByText(/Corp SSO \(ada@corp\.example\)/);
    // Already linked: no "Link" button for it.
    expect(screen.queryByRole('button', { name: 'Link Corp SSO' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Unlink' }));
    await waitFor(() =>
      expect(screen.getByTestId('sign-ins-status').textContent).toBe('This is your only way to sign in.'),
    );
    expect(calls.find((c) => c.operationName === 'UnlinkIdentity')?.variables).toEqual({ id: 'i1' });
  });
});

describe('describeBrowser', () => {
  it('names the browser and system well enough to recognise a device', () => {
    expect(
      describeBrowser(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
      ),
    ).toBe('Chrome on Windows');
    expect(
      describeBrowser(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Safari on iOS');
    expect(describeBrowser('Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0')).toBe(
      'Firefox on Linux',
    );
    expect(describeBrowser(null)).toBe('Unknown browser');
  });
});
