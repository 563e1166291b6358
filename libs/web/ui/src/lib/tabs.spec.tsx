import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Tabs } from './tabs.js';

function Harness() {
  const [tab, setTab] = useState<'mentee' | 'mentor'>('mentee');
  return (
    <Tabs
      label="Mentorships"
      selected={tab}
      onSelect={setTab}
      tabs={[
        { id: 'mentee', label: 'As mentee', panel: <p>Your requests</p> },
        { id: 'mentor', label: 'As mentor', panel: <p>Requests to you</p> },
      ]}
    />
  );
}

describe('Tabs', () => {
  it('shows the selected tab’s panel and follows clicks and arrow keys', async () => {
    render(<Harness />);
    expect(screen.getByRole('tablist', { name: 'Mentorships' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'As mentee', selected: true })).toBeTruthy();
    expect(screen.getByRole('tabpanel').textContent).toBe('Your requests');
    await userEvent.click(screen.getByRole('tab', { name: 'As mentor' }));
    expect(screen.getByRole('tabpanel').textContent).toBe('Requests to you');
    await userEvent.keyboard('{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'As mentee', selected: true })).toBeTruthy();
    expect(screen.getByRole('tabpanel').textContent).toBe('Your requests');
  });
});
