import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { alertClassName } from '@crossroads/web-ui';
import { describe, expect, it } from 'vitest';
import { NotificationSettings } from './settings-page.js';
import { renderWithApi, type Request } from './test-api.js';

const setting = (type: string, inApp: boolean, email: string) => ({
  __typename: 'NotificationSetting',
  type,
  inApp,
  email,
});

function setup(fail = false) {
  const saved: Request[] = [];
  const api = renderWithApi(<NotificationSettings />, (req) => {
    if (req.operationName === 'SetNotificationSetting') {
      saved.push(req);
      if (fail)
        return {
          data: null,
          errors: [{ message: 'Something went wrong', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
        };
      const input = req.variables['input'] as { type: string; inApp?: boolean; email?: string };
      return { data: { setNotificationSetting: setting(input.type, input.inApp ?? true, input.email ?? 'INSTANT') } };
    }
    return {
      data: {
        notificationSettings: [
          setting('ANSWER_POSTED', true, 'INSTANT'),
          setting('FOLLOWED_TAG_QUESTION', true, 'DAILY'),
        ],
      },
    };
  });
  return { ...api, saved };
}

describe('NotificationSettings', () => {
  it('shows in-app and email for each type, with the four email choices', async () => {
    setup();
    const inApp = await screen.findByRole('checkbox', { name: 'In the app: Answers to your questions' });
    expect(inApp).toHaveProperty('checked', true);
    const email = screen.getByRole('combobox', { name: 'Email: New questions in tags you follow' });
    expect((email as HTMLSelectElement).value).toBe('DAILY');
    expect([...(email as HTMLSelectElement).options].map((o) => o.text)).toEqual([
      'Instantly',
      'Daily digest',
      'Weekly digest',
      'Off',
    ]);
  });

  it('saves a change at once and says so', async () => {
    const { saved } = setup();
    await userEvent.selectOptions(
      await screen.findByRole('combobox', { name: 'Email: Answers to your questions' }),
      'WEEKLY',
    );
    await waitFor(() =>
      expect(screen.getByTestId('settings-status').textContent).toBe('Saved: Answers to your questions.'),
    );
    expect(saved[0].variables).toEqual({ input: { type: 'ANSWER_POSTED', email: 'WEEKLY' } });
    expect(
      (screen.getByRole('combobox', { name: 'Email: Answers to your questions' }) as HTMLSelectElement).value,
    ).toBe('WEEKLY');

    await userEvent.click(screen.getByRole('checkbox', { name: 'In the app: New questions in tags you follow' }));
    await waitFor(() =>
      expect(screen.getByTestId('settings-status').textContent).toBe('Saved: New questions in tags you follow.'),
    );
    expect(saved[1].variables).toEqual({ input: { type: 'FOLLOWED_TAG_QUESTION', inApp: false } });
  });

  it('says when a change could not be saved', async () => {
    setup(true);
    await userEvent.click(await screen.findByRole('checkbox', { name: 'In the app: Answers to your questions' }));
    await waitFor(() =>
      expect(screen.getByTestId('settings-status').textContent).toBe(
        '“Answers to your questions” could not be saved. Please try again.',
      ),
    );
    expect(screen.getByTestId('settings-status').className).toBe(alertClassName);
  });
});
