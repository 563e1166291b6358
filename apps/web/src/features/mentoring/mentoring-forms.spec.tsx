import { createCrossroadsClient, CrossroadsProvider } from '@crossroads/web-data-access';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { MentorProfileForm } from './mentor-profile-page.js';
import { linkProblem, splitList, validateMentorProfile, validateRequestMessage } from './mentoring-validation.js';
import { NextMentorOffer } from './mentorship-care.js';
import { RequestMentorshipForm } from './request-mentorship.js';
import type { MentorshipItemFragment } from '@crossroads/web-data-access';

type GraphqlBody = { operationName: string; variables: Record<string, unknown> };

function renderWith(element: ReactNode, respond: (body: GraphqlBody) => unknown) {
  const requests: GraphqlBody[] = [];
  const fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    // A guest's reads go as persisted-query GETs (operation and variables in the address), writes as POSTs.
    const params = new URL(String(url), 'http://localhost').searchParams;
    const body = (
      init?.body
        ? JSON.parse(String(init.body))
        : { operationName: params.get('operationName'), variables: JSON.parse(params.get('variables') ?? '{}') }
    ) as GraphqlBody;
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
      { path: '/', element },
      { path: '/u/:handle', element: <p>Profile page</p> },
    ],
    { initialEntries: ['/'] },
  );
  render(
    <CrossroadsProvider client={client} session={session}>
      <RouterProvider router={router} />
    </CrossroadsProvider>,
  );
  return { sent: (name: string) => requests.filter((r) => r.operationName === name), router };
}

function errorOf(input: HTMLElement): string | null {
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? [];
  const error = ids.map((id) => document.getElementById(id)).find((el) => el?.hasAttribute('data-field-error'));
  return error?.textContent ?? null;
}
const type = (label: string | RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

const valid = {
  headline: 'PMO lead, 12 years in construction',
  bio: '',
  yearsExperience: '12',
  industries: ['Construction'],
  certifications: ['PMP'],
  expertise: ['pmo'],
  links: ['https://example.com/me'],
  acceptingRequests: true,
  maxOpenRequests: '5',
};

describe('mentor profile validation', () => {
  it('accepts a complete profile', () => {
    expect(Object.values(validateMentorProfile(valid)).filter(Boolean)).toEqual([]);
  });

  it('checks every limit of LIMITS.mentoring', () => {
    const e = validateMentorProfile({
      ...valid,
      headline: 'Too short',
      bio: 'x'.repeat(5_001),
      yearsExperience: '61',
      industries: Array.from({ length: 11 }, (_, i) => `Industry ${i}`),
      certifications: ['X'],
      expertise: [],
      links: ['http://example.com'],
      maxOpenRequests: '0',
    });
    expect(e.headline).toMatch(/at least 10/);
    expect(e.bio).toMatch(/at most 5,000/);
    expect(e.yearsExperience).toMatch(/between 0 and 60/);
    expect(e.industries).toMatch(/at most 10/);
    expect(e.certifications).toMatch(/2–60 characters/);
    expect(e.expertise).toMatch(/at least 1/);
    expect(e.links).toMatch(/https/);
    expect(e.maxOpenRequests).toMatch(/between 1 and 20/);
  });

  it('limits counts of tags, certifications and links, and bad numbers', () => {
    const e = validateMentorProfile({
      ...valid,
      expertise: Array.from({ length: 11 }, (_, i) => `tag-${i}`),
      certifications: Array.from({ length: 16 }, (_, i) => `Cert ${i}`),
      links: Array.from({ length: 6 }, (_, i) => `https://example.com/${i}`),
      yearsExperience: 'ten',
    });
    expect(e.expertise).toMatch(/at most 10/);
    expect(e.certifications).toMatch(/at most 15/);
    expect(e.links).toMatch(/at most 5/);
    expect(e.yearsExperience).toMatch(/whole number/);
  });

  it('allows only https links', () => {
    expect(linkProblem('https://example.com')).toBeNull();
    expect(linkProblem('javascript:alert(1)')).toMatch(/https/);
    expect(linkProblem('example.com')).toMatch(/not a web address/);
    expect(linkProblem(`https://example.com/${'a'.repeat(300)}`)).toMatch(/300/);
  });

  it('splits comma lists without duplicates', () => {
    expect(splitList(' Construction, public  sector ,construction,, ')).toEqual(['Construction', 'public sector']);
  });

  it('checks the request message length', () => {
    expect(validateRequestMessage('')).toMatch(/required/);
    expect(validateRequestMessage('too short')).toMatch(/at least 20/);
    expect(validateRequestMessage('x'.repeat(2_001))).toMatch(/at most 2,000/);
    expect(validateRequestMessage('I would like help moving into a PMO role.')).toBeUndefined();
  });
});

describe('mentor profile form', () => {
  it('shows problems next to their fields and sends nothing', async () => {
    const { sent } = renderWith(<MentorProfileForm handle="mia" known={['PMP', 'CAPM']} profile={null} />, () => ({}));
    type('Headline', 'Short');
    type('Years of experience', '99');
    fireEvent.change(screen.getByLabelText('Link 1'), { target: { value: 'http://insecure.example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create your mentor profile' }));
    await waitFor(() => expect(errorOf(screen.getByLabelText('Headline'))).toMatch(/at least 10/));
    expect(errorOf(screen.getByLabelText('Years of experience'))).toMatch(/between 0 and 60/);
    expect(errorOf(screen.getByLabelText('Link 1'))).toMatch(/https/);
    expect(screen.getByText('Add at least 1 expertise tag.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Headline')));
    expect(sent('UpsertMentorProfile')).toEqual([]);
  });

  it('sends a valid profile with known and free-text certifications', async () => {
    const profile = {
      __typename: 'MentorProfile' as const,
      headline: 'PMO lead, 12 years in construction',
      bio: 'I run a PMO.',
      yearsExperience: 12,
      industries: ['Construction'],
      certifications: ['PMP', 'Lean Six Sigma'],
      links: [] as string[],
      acceptingRequests: true,
      maxOpenRequests: 5,
      expertise: [{ __typename: 'Tag' as const, name: 'pmo' }],
    };
    const { sent, router } = renderWith(
      <MentorProfileForm handle="mia" known={['PMP', 'CAPM']} profile={profile} />,
      (body) =>
        body.operationName === 'UpsertMentorProfile' ? { data: { upsertMentorProfile: null } } : { data: { me: null } },
    );
    expect((screen.getByLabelText('Other certifications') as HTMLInputElement).value).toBe('Lean Six Sigma');
    fireEvent.click(screen.getByRole('checkbox', { name: 'CAPM' }));
    type('Years of experience', '13');
    fireEvent.click(screen.getByRole('button', { name: 'Save your mentor profile' }));
    await waitFor(() => expect(sent('UpsertMentorProfile')).toHaveLength(1));
    const input = sent('UpsertMentorProfile')[0]?.variables['input'] as Record<string, unknown>;
    expect(input).toMatchObject({
      yearsExperience: 13,
      expertise: ['pmo'],
      industries: ['Construction'],
      links: [],
      acceptingRequests: true,
      maxOpenRequests: 5,
    });
    expect(input['certifications']).toEqual(['PMP', 'CAPM', 'Lean Six Sigma']);
    await waitFor(() => expect(router.state.location.pathname).toBe('/u/mia'));
  });
});

describe('request mentorship form', () => {
  const mentor = { handle: 'mia', displayName: 'Mia Mentor' };

  it('checks the message before sending', async () => {
    const { sent } = renderWith(
      <RequestMentorshipForm mentor={mentor} question={null} onClose={() => undefined} />,
      () => ({}),
    );
    type('Message', 'Help me');
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    await waitFor(() => expect(errorOf(screen.getByLabelText('Message'))).toMatch(/at least 20/));
    expect(sent('RequestMentorship')).toEqual([]);
  });

  it('sends the message with the question it came from', async () => {
    const request = {
      __typename: 'MentorshipRequest',
      id: 'r1',
      status: 'PENDING',
      message: 'x',
      responseMessage: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      respondedAt: null,
      expiresAt: '2026-01-08T00:00:00.000Z',
      closedAt: null,
      question: null,
      mentee: { __typename: 'User', id: 'u1', handle: 'ada', displayName: 'Ada', reputation: 1, role: 'MEMBER' },
      mentor: { __typename: 'User', id: 'u2', handle: 'mia', displayName: 'Mia Mentor', reputation: 1, role: 'MENTOR' },
      review: null,
    };
    const { sent } = renderWith(
      <RequestMentorshipForm
        mentor={mentor}
        question={{ id: 'q1', title: 'How do I move into a PMO?' }}
        onClose={() => undefined}
      />,
      () => ({ data: { requestMentorship: request } }),
    );
    expect(screen.getByRole('link', { name: 'How do I move into a PMO? (opens in a new tab)' })).toBeTruthy();
    type('Message', 'I would like help moving into a PMO role next year.');
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    await screen.findByText(/Your request was sent to Mia Mentor/);
    expect(sent('RequestMentorship')[0]?.variables['input']).toEqual({
      mentorHandle: 'mia',
      message: 'I would like help moving into a PMO role next year.',
      questionId: 'q1',
    });
  });

  it('shows CONFLICT clearly', async () => {
    renderWith(<RequestMentorshipForm mentor={mentor} question={null} onClose={() => undefined} />, () => ({
      errors: [{ message: 'You already have an open request to this mentor.', extensions: { code: 'CONFLICT' } }],
      data: null,
    }));
    type('Message', 'I would like help moving into a PMO role next year.');
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    const alert = await screen.findByTestId('request-blocked');
    expect(alert.textContent).toMatch(/cannot be sent right now.*already have an open request/);
  });

  it('shows a field error from the server next to the message', async () => {
    renderWith(<RequestMentorshipForm mentor={mentor} question={null} onClose={() => undefined} />, () => ({
      errors: [{ message: 'The message is too long.', extensions: { code: 'BAD_USER_INPUT', field: 'input.message' } }],
      data: null,
    }));
    type('Message', 'I would like help moving into a PMO role next year.');
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    await waitFor(() => expect(errorOf(screen.getByLabelText('Message'))).toBe('The message is too long.'));
  });
});

describe('NextMentorOffer', () => {
  it('keeps its confirmation when the refetched request no longer offers the mentor just asked', async () => {
    const expired = {
      id: 'r1',
      message: 'Help me move into project coordination.',
      question: null,
      endReason: null,
      nextMentor: {
        headline: 'PMO lead',
        medianResponseHours: null,
        user: { handle: 'ines', displayName: 'Ines Next' },
      },
    } as unknown as MentorshipItemFragment;
    // The mentorships list after its refetch: the request stays, without a next mentor.
    function Holder() {
      const [r, setR] = useState(expired);
      return (
        <>
          <NextMentorOffer r={r} />
          <button type="button" onClick={() => setR({ ...r, nextMentor: null })}>
            Refetched
          </button>
        </>
      );
    }
    const { sent } = renderWith(<Holder />, () => ({
      data: { requestMentorship: { __typename: 'MentorshipRequest', id: 'r2', status: 'PENDING' } },
    }));
    fireEvent.click(screen.getByRole('button', { name: 'Ask Ines Next with the same message' }));
    await screen.findByText('Your request was sent to Ines Next.');
    fireEvent.click(screen.getByRole('button', { name: 'Refetched' }));
    expect(screen.getByRole('status').textContent).toBe('Your request was sent to Ines Next.');
    expect(sent('RequestMentorship')[0]?.variables['input']).toEqual({
      mentorHandle: 'ines',
      message: 'Help me move into project coordination.',
      questionId: null,
    });
  });
});
