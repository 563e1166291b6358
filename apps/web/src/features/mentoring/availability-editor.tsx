import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { LIMITS } from '@crossroads/shared-domain';
import {
  MyAvailabilityDocument,
  SetAvailabilityDocument,
  SetAvailabilityExceptionsDocument,
  errorText,
} from '@crossroads/web-data-access';
import { FormAlert, QueryState, TextField, fieldStyles } from '@crossroads/web-ui';

const W = LIMITS.mentorshipWorkspace;
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const ZONES: readonly string[] =
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];

interface Row {
  key: number;
  weekday: number;
  start: string;
  end: string;
}

/** A mentor's weekly windows (in one time zone) and dates off: what mentees book sessions from. */
export function AvailabilityEditor({ handle }: { handle: string }) {
  const { data, loading, error, refetch } = useQuery(MyAvailabilityDocument, {
    variables: { handle },
    fetchPolicy: 'network-only',
  });
  return (
    <section aria-labelledby="availability-heading" className="availability-editor">
      <h2 id="availability-heading">When mentees can book you</h2>
      <QueryState
        data={data?.user?.mentorProfile}
        loading={loading}
        error={error}
        errorText="Your availability could not be loaded."
        onRetry={() => void refetch()}
      >
        {(p) => <AvailabilityForm windows={p.availability} exceptions={p.availabilityExceptions} />}
      </QueryState>
    </section>
  );
}

function AvailabilityForm({
  windows,
  exceptions,
}: {
  windows: readonly { weekday: number; start: string; end: string; timeZone: string }[];
  exceptions: readonly string[];
}) {
  const [zone, setZone] = useState(windows[0]?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  // A time input cannot say 24:00: a window to midnight shows as 23:59 and is saved as 24:00.
  const [rows, setRows] = useState<Row[]>(() =>
    windows.map((w, i) => ({ key: i, weekday: w.weekday, start: w.start, end: w.end === '24:00' ? '23:59' : w.end })),
  );
  const [nextKey, setNextKey] = useState(windows.length);
  const [datesOff, setDatesOff] = useState(exceptions.join(', '));
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  const [saveWindows, savingWindows] = useMutation(SetAvailabilityDocument);
  const [saveDates, savingDates] = useMutation(SetAvailabilityExceptionsDocument);
  const update = (key: number, change: Partial<Row>) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved('');
    const dates = datesOff
      .split(/[\s,]+/)
      .map((d) => d.trim())
      .filter(Boolean);
    if (dates.some((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d)))
      return setProblem('Write dates off like 2026-12-24, separated by commas.');
    if (rows.some((r) => !r.start || !r.end || r.start >= r.end))
      return setProblem('Each window must end after it starts.');
    setProblem(null);
    try {
      await saveWindows({
        variables: {
          input: rows.map((r) => ({
            weekday: r.weekday,
            start: r.start,
            end: r.end === '23:59' ? '24:00' : r.end,
            timeZone: zone,
          })),
        },
      });
      await saveDates({ variables: { dates } });
      setSaved('Availability saved.');
    } catch (err) {
      setProblem(errorText(err));
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)}>
      <div className={fieldStyles.field}>
        <label htmlFor="availability-zone">Your time zone</label>
        <select id="availability-zone" value={zone} onChange={(e) => setZone(e.currentTarget.value)}>
          {(ZONES.includes(zone) ? ZONES : [zone, ...ZONES]).map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
      </div>
      {rows.length === 0 ? (
        <p className="muted">No weekly windows yet: mentees cannot book sessions with you.</p>
      ) : null}
      <ul className="availability-editor__rows">
        {rows.map((r, i) => (
          <li key={r.key}>
            <fieldset className={fieldStyles.field}>
              <legend>Window {i + 1}</legend>
              <label>
                Day{' '}
                <select value={r.weekday} onChange={(e) => update(r.key, { weekday: Number(e.currentTarget.value) })}>
                  {WEEKDAYS.map((d, n) => (
                    <option key={d} value={n + 1}>
                      {d}
                    </option>
                  ))}
                </select>
              </label>{' '}
              <label>
                From{' '}
                <input
                  type="time"
                  value={r.start}
                  step={1800}
                  onChange={(e) => update(r.key, { start: e.currentTarget.value })}
                />
              </label>{' '}
              <label>
                To{' '}
                <input
                  type="time"
                  value={r.end}
                  step={1800}
                  onChange={(e) => update(r.key, { end: e.currentTarget.value })}
                />
              </label>{' '}
              <button
                type="button"
                className="button button--quiet"
                onClick={() => setRows((all) => all.filter((x) => x.key !== r.key))}
              >
                Remove<span className="visually-hidden"> window {i + 1}</span>
              </button>
            </fieldset>
          </li>
        ))}
      </ul>
      <p>
        <button
          type="button"
          className="button button--quiet"
          disabled={rows.length >= W.availabilityWindows.max}
          onClick={() => {
            setRows((all) => [...all, { key: nextKey, weekday: 1, start: '18:00', end: '20:00' }]);
            setNextKey((k) => k + 1);
          }}
        >
          Add a window
        </button>
      </p>
      <TextField
        name="datesOff"
        label="Dates off"
        hint="Days you cannot be booked, like 2026-12-24, separated by commas."
        value={datesOff}
        onChange={(e) => setDatesOff(e.currentTarget.value)}
      />
      <FormAlert message={problem} />
      <p role="status">{saved}</p>
      <button type="submit" className="button" disabled={savingWindows.loading || savingDates.loading}>
        Save availability
      </button>
    </form>
  );
}
