import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LIMITS } from '@crossroads/shared-domain';
import { DecisionItem, DecisionList, type DecisionListProps } from './decision-list.js';

interface Report {
  id: string;
  by: string;
}

const page = (items: Report[], hasNextPage = false) => ({
  edges: items.map((node) => ({ node })),
  pageInfo: { hasNextPage, endCursor: items.at(-1)?.id ?? null },
});

function renderQueue(
  props: Partial<DecisionListProps<Report>> & {
    onDecide?: (id: string, what: 'HIDE' | 'DISMISS', reason: string) => Promise<string>;
    required?: boolean;
  } = {},
) {
  const onDecide = props.onDecide ?? vi.fn(async () => 'Done.');
  const onDecided = props.onDecided ?? vi.fn(async () => undefined);
  const onLoadMore = props.onLoadMore ?? vi.fn(async () => undefined);
  render(
    <DecisionList<Report>
      queue={
        props.queue === undefined
          ? page([
              { id: 'r1', by: 'ann' },
              { id: 'r2', by: 'bob' },
            ])
          : props.queue
      }
      loading={props.loading ?? false}
      error={props.error}
      loadingText="Loading reports…"
      errorText="The reports could not be loaded."
      empty="No reported messages."
      onLoadMore={onLoadMore}
      onDecided={onDecided}
      describeError={(e) => `Could not decide: ${(e as Error).message}`}
      getKey={(r) => r.id}
    >
      {(r) => (
        <DecisionItem
          title={`Reported by @${r.by}`}
          data-testid="report"
          reason={
            props.required ? { label: 'Reason (for the audit log)', required: true } : { label: 'Reason (optional)' }
          }
          decisions={[
            { label: 'Dismiss report', tone: 'quiet', onDecide: (reason) => onDecide(r.id, 'DISMISS', reason) },
            { label: 'Hide message', tone: 'danger', onDecide: (reason) => onDecide(r.id, 'HIDE', reason) },
          ]}
        >
          <p>Body of {r.id}</p>
        </DecisionItem>
      )}
    </DecisionList>,
  );
  return { onDecide, onDecided, onLoadMore };
}

const item = (by: string) => {
  const found = screen.getAllByTestId('report').find((li) => li.textContent?.includes(`@${by}`));
  if (!found) throw new Error(`no item by @${by}`);
  return found;
};

describe('DecisionList', () => {
  it('lists each item with its heading, and its buttons keep their names but say which item they act on', () => {
    renderQueue();
    const list = screen.getByRole('list');
    expect(
      within(list)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['Reported by @ann', 'Reported by @bob']);
    const hide = within(item('bob')).getByRole('button', { name: 'Hide message' });
    expect(hide.getAttribute('aria-describedby')).toBe(
      within(item('bob')).getByRole('heading', { level: 3 }).getAttribute('id'),
    );
    expect(screen.getAllByRole('button', { name: 'Hide message' })).toHaveLength(2);
  });

  it('sends the trimmed optional reason, announces the result, refetches, and is busy meanwhile', async () => {
    let finish: (text: string) => void = () => undefined;
    const onDecide = vi.fn(() => new Promise<string>((resolve) => (finish = resolve)));
    const { onDecided } = renderQueue({ onDecide });
    const ann = item('ann');
    const reason = within(ann).getByLabelText('Reason (optional)');
    expect(reason.getAttribute('placeholder')).toBe('Reason (optional)');
    expect(reason.getAttribute('maxlength')).toBe(String(LIMITS.moderation.reason.max));
    await userEvent.type(reason, '  Belittling the mentee ');
    await userEvent.click(within(ann).getByRole('button', { name: 'Hide message' }));
    expect(onDecide).toHaveBeenCalledWith('r1', 'HIDE', 'Belittling the mentee');
    // One decision at a time: every item's buttons wait for it.
    expect(screen.getAllByRole('button').every((b) => (b as HTMLButtonElement).disabled)).toBe(true);
    await act(async () => finish('The message is removed.'));
    expect(screen.getByRole('status').textContent).toBe('The message is removed.');
    expect(onDecided).toHaveBeenCalledOnce();
    expect(screen.getAllByRole('button').some((b) => (b as HTMLButtonElement).disabled)).toBe(false);
  });

  it('sends an empty optional reason as an empty string', async () => {
    const { onDecide } = renderQueue();
    await userEvent.click(within(item('bob')).getByRole('button', { name: 'Dismiss report' }));
    expect(onDecide).toHaveBeenCalledWith('r2', 'DISMISS', '');
  });

  it('announces a failed decision as one sentence and does not refetch', async () => {
    const { onDecided } = renderQueue({ onDecide: () => Promise.reject(new Error('already decided')) });
    await userEvent.click(within(item('ann')).getByRole('button', { name: 'Hide message' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Could not decide: already decided'));
    expect(onDecided).not.toHaveBeenCalled();
    expect((within(item('ann')).getByRole('button', { name: 'Hide message' }) as HTMLButtonElement).disabled).toBe(
      false,
    );
  });

  it('asks for a required reason within the limits before sending anything', async () => {
    const { onDecide } = renderQueue({ required: true });
    const ann = item('ann');
    const reason = within(ann).getByLabelText('Reason (for the audit log)');
    expect(reason.getAttribute('placeholder')).toBeNull();
    await userEvent.type(reason, ' x ');
    await userEvent.click(within(ann).getByRole('button', { name: 'Hide message' }));
    expect(onDecide).not.toHaveBeenCalled();
    const { min, max } = LIMITS.moderation.reason;
    const error = within(ann).getByText(`Give a reason for the audit log (${min} to ${max} characters).`);
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(reason.getAttribute('aria-describedby')).toBe(error.id);
    // The other item is not touched.
    expect(within(item('bob')).getByLabelText('Reason (for the audit log)').getAttribute('aria-invalid')).toBeNull();

    await userEvent.type(reason, 'Documented emergency');
    await userEvent.click(within(ann).getByRole('button', { name: 'Hide message' }));
    expect(onDecide).toHaveBeenCalledWith('r1', 'HIDE', 'x Documented emergency');
    expect(reason.getAttribute('aria-invalid')).toBeNull();
    expect(within(ann).queryByText(/Give a reason/)).toBeNull();
  });

  it('shows loading, the load error with its message, the empty sentence, and "Load more" after the end cursor', async () => {
    renderQueue({ queue: null, loading: true });
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toEqual(['', 'Loading reports…']);
    cleanup();

    renderQueue({ queue: null, error: { message: 'Network down.' } });
    expect(screen.getByRole('alert').textContent).toBe('The reports could not be loaded. Network down.');
    cleanup();

    renderQueue({ queue: page([]) });
    expect(screen.getByText('No reported messages.')).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
    cleanup();

    const { onLoadMore } = renderQueue({ queue: page([{ id: 'r1', by: 'ann' }], true) });
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(onLoadMore).toHaveBeenCalledWith('r1');
  });

  it('refuses a DecisionItem outside a DecisionList', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() =>
      render(
        <DecisionItem title="Lost" reason={{ label: 'Reason' }} decisions={[]}>
          <p />
        </DecisionItem>,
      ),
    ).toThrow(/inside a DecisionList/);
  });
});
