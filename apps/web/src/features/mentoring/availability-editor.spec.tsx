import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithApi, type Request } from '../notifications/test-api.js';
import { AvailabilityEditor } from './availability-editor.js';

const win = (weekday: number, start: string, end: string) => ({
  __typename: 'AvailabilityWindow',
  weekday,
  start,
  end,
  timeZone: 'Europe/Paris',
});

function setup() {
  return renderWithApi(<AvailabilityEditor handle="ada" />, (req: Request) => {
    switch (req.operationName) {
      case 'MyAvailability':
        return {
          data: {
            user: {
              __typename: 'User',
              id: 'u1',
              mentorProfile: {
                __typename: 'MentorProfile',
                availability: [win(2, '18:00', '24:00')],
                availabilityExceptions: ['2030-12-24'],
              },
            },
          },
        };
      case 'SetAvailability':
        return { data: { setAvailability: { __typename: 'MentorProfile', availability: [] } } };
      case 'SetAvailabilityExceptions':
        return { data: { setAvailabilityExceptions: { __typename: 'MentorProfile', availabilityExceptions: [] } } };
      default:
        return { data: null, errors: [{ message: `unexpected ${req.operationName}` }] };
    }
  });
}

describe('AvailabilityEditor', { timeout: 20_000 }, () => {
  it('saves the windows in the chosen zone (midnight as 24:00) and the dates off', async () => {
    const api = setup();
    expect(((await screen.findByLabelText('Your time zone')) as HTMLSelectElement).value).toBe('Europe/Paris');
    await userEvent.click(screen.getByRole('button', { name: 'Add a window' }));
    await userEvent.type(screen.getByLabelText('Dates off'), ', 2030-12-31');
    await userEvent.click(screen.getByRole('button', { name: 'Save availability' }));
    await screen.findByText('Availability saved.');
    expect(api.sent('SetAvailability')[0].variables['input']).toEqual([
      { weekday: 2, start: '18:00', end: '24:00', timeZone: 'Europe/Paris' },
      { weekday: 1, start: '18:00', end: '20:00', timeZone: 'Europe/Paris' },
    ]);
    await waitFor(() =>
      expect(api.sent('SetAvailabilityExceptions')[0]?.variables['dates']).toEqual(['2030-12-24', '2030-12-31']),
    );
  });

  it('refuses malformed dates off before sending anything', async () => {
    const api = setup();
    await screen.findByLabelText('Dates off');
    await userEvent.type(screen.getByLabelText('Dates off'), ', christmas');
    await userEvent.click(screen.getByRole('button', { name: 'Save availability' }));
    await screen.findByText(/Write dates off like/);
    expect(api.sent('SetAvailability')).toHaveLength(0);
  });
});
