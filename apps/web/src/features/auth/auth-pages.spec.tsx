import { createCrossroadsClient, CrossroadsProvider } from '@crossroads/web-data-access';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { SignInPage } from './sign-in-page.js';
import { SignUpPage } from './sign-up-page.js';

type GraphqlBody = { operationName: string; variables: Record<string, unknown> };

/** Renders a page with the real data-access client over a fake /graphql. */
function renderPage(path: string, respond: (body: GraphqlBody) => unknown) {
  const requests: GraphqlBody[] = [];
  const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as GraphqlBody;
    requests.push(body);
    const answer = body.operationName === 'Me' ? { data: { me: null } } : respond(body);
    return new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } });
  });
  const { client, session } = createCrossroadsClient({
    fetch: fetch as unknown as typeof globalThis.fetch,
    refresher: async () => null,
  });
  const router = createMemoryRouter(
    [
      { path: '/', element: <p>Home page</p> },
      { path: '/questions', element: <p>Questions page</p> },
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/sign-up', element: <SignUpPage /> },
    ],
    { initialEntries: [path] },
  );
  render(
    <CrossroadsProvider client={client} session={session}>
      <RouterProvider router={router} />
    </CrossroadsProvider>,
  );
  const mutations = () => requests.filter((r) => r.operationName !== 'Me');
  return { mutations, router };
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

function errorOf(input: HTMLElement): string | null {
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? [];
  const error = ids.map((id) => document.getElementById(id)).find((el) => el?.hasAttribute('data-field-error'));
  return error?.textContent ?? null;
}

const user = {
  __typename: 'User',
  id: 'u1',
  handle: 'ada',
  displayName: 'Ada Lovelace',
  role: 'MEMBER',
  reputation: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
  email: 'ada@example.com',
};
const authPayload = {
  __typename: 'AuthPayload',
  accessToken: 't',
  accessTokenExpiresAt: new Date(Date.now() + 900_000).toISOString(),
  user,
};

function fillSignUp() {
  type('Name', 'Ada Lovelace');
  type('Handle', 'Ada');
  type('Email', 'ada@example.com');
  type('Password', 'correct horse battery');
}

describe('sign-up page', () => {
  it('shows the password strength as an accessible meter with advice, loading the estimator on demand', async () => {
    renderPage('/sign-up', () => ({}));
    expect(screen.queryByRole('meter')).toBeNull();
    type('Handle', 'ada');
    type('Password', 'aaaaaaaaaaaa');
    const meter = screen.getByRole('meter', { name: 'Password strength' });
    await waitFor(() => expect(meter.getAttribute('aria-valuetext')).toBe('Very weak'));
    expect(meter.getAttribute('aria-valuenow')).toBe('0');
    expect(screen.getByTestId('password-meter').textContent).toMatch(/Repeated characters/);
    type('Password', 'correct horse battery staple');
    await waitFor(() => expect(screen.getByRole('meter').getAttribute('aria-valuetext')).toBe('Very strong'));
    expect(screen.getByTestId('password-meter').textContent).toMatch(/Good to go/);
  });

  it('shows client-side problems next to their fields and sends nothing', async () => {
    const { mutations } = renderPage('/sign-up', () => ({}));
    type('Handle', 'no spaces allowed');
    type('Password', 'short');
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));

    const handle = screen.getByLabelText('Handle');
    expect(handle.getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(handle)).toBe('Use only lower-case letters, digits, _ and -.');
    expect(errorOf(screen.getByLabelText('Password'))).toBe('Password must be at least 12 characters.');
    expect(errorOf(screen.getByLabelText('Name'))).toBe('Enter the name people will see.');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Name')));
    expect(mutations()).toEqual([]);
  });

  it("shows the server's CONFLICT next to the field it names and focuses it", async () => {
    renderPage('/sign-up', () => ({
      data: null,
      errors: [{ message: 'That handle is already registered.', extensions: { code: 'CONFLICT', field: 'handle' } }],
    }));
    fillSignUp();
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));

    const handle = screen.getByLabelText('Handle');
    await waitFor(() => expect(errorOf(handle)).toBe('That handle is already registered.'));
    expect(handle.getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(screen.getByLabelText('Email'))).toBeNull();
    expect(document.activeElement).toBe(handle);
  });

  it('clears a field error as soon as the field is edited', async () => {
    renderPage('/sign-up', () => ({
      data: null,
      errors: [{ message: 'That email is already registered.', extensions: { code: 'CONFLICT', field: 'email' } }],
    }));
    fillSignUp();
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(errorOf(screen.getByLabelText('Email'))).toBe('That email is already registered.'));

    type('Email', 'ada2@example.com');
    expect(errorOf(screen.getByLabelText('Email'))).toBeNull();
  });

  it('sends normalized values and goes home once registered', async () => {
    const { mutations, router } = renderPage('/sign-up', () => ({ data: { register: authPayload } }));
    fillSignUp();
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));

    await screen.findByText('Home page');
    expect(router.state.location.pathname).toBe('/');
    expect(mutations()).toEqual([
      expect.objectContaining({
        operationName: 'Register',
        variables: {
          input: {
            displayName: 'Ada Lovelace',
            handle: 'ada',
            email: 'ada@example.com',
            password: 'correct horse battery',
          },
        },
      }),
    ]);
  });
});

describe('sign-in page', () => {
  it('shows a wrong password as a form-level alert', async () => {
    renderPage('/sign-in', () => ({
      data: null,
      errors: [{ message: 'Email or password is incorrect.', extensions: { code: 'UNAUTHENTICATED' } }],
    }));
    type('Email', 'ada@example.com');
    type('Password', 'wrong password');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    const alert = await screen.findByText('Email or password is incorrect.');
    expect(alert.getAttribute('role')).toBe('alert');
  });

  it('returns to the page named in ?next after signing in', async () => {
    const { router } = renderPage('/sign-in?next=/questions', () => ({ data: { login: authPayload } }));
    type('Email', 'ada@example.com');
    type('Password', 'correct horse battery');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    await screen.findByText('Questions page');
    expect(router.state.location.pathname).toBe('/questions');
  });
});
