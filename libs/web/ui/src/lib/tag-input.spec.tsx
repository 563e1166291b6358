import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { TagInput, limitMessage, normalizeTag, tagCount, type TagSuggestion } from './tag-input.js';

const ALL: TagSuggestion[] = [
  { name: 'project-management', questionCount: 12 },
  { name: 'pmo', questionCount: 4 },
  { name: 'prince2', questionCount: 2 },
];

function Harness({ initial = [] as string[], max = 3 }) {
  const [tags, setTags] = useState<string[]>(initial);
  const [text, setText] = useState('');
  const suggestions = text ? ALL.filter((t) => t.name.startsWith(text.toLowerCase())) : [];
  return (
    <>
      <TagInput
        label="Tags"
        value={tags}
        onChange={setTags}
        suggestions={suggestions}
        onInputChange={setText}
        max={max}
        validateTag={(t) => (/^[a-z0-9+#.-]{2,25}$/.test(t) ? null : `“${t}” is not a valid tag.`)}
      />
      <output data-testid="value">{tags.join(',')}</output>
    </>
  );
}

const value = () => screen.getByTestId('value').textContent;

describe('TagInput', () => {
  it('adds a typed tag with Enter, normalized to lower case with dashes', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.type(screen.getByRole('combobox', { name: 'Tags' }), 'Career Change{Enter}');
    expect(value()).toBe('career-change');
    expect(screen.getByRole('combobox', { name: 'Tags' })).toHaveProperty('value', '');
  });

  it('suggests existing tags while typing and adds the one chosen with the keyboard', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const input = screen.getByRole('combobox', { name: 'Tags' });
    await user.type(input, 'pr');
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.getAttribute('aria-label'))).toEqual([
      'project-management, 12 questions',
      'prince2, 2 questions',
    ]);
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(value()).toBe('prince2');
    // The pick closes the popup and keeps focus in the box.
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(document.activeElement).toBe(input);
  });

  it('Escape closes the suggestions and keeps what was typed', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const input = screen.getByRole('combobox', { name: 'Tags' });
    await user.type(input, 'pr');
    await screen.findAllByRole('option');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(document.activeElement).toBe(input);
  });

  it('keeps the suggestions open when the page scrolls under them (content above moved), not after Escape or leaving', async () => {
    const user = userEvent.setup();
    render(
      <>
        <Harness />
        <button type="button">Elsewhere</button>
      </>,
    );
    const input = screen.getByRole('combobox', { name: 'Tags' });
    await user.type(input, 'pm');
    await screen.findByRole('option', { name: 'pmo, 4 questions' });
    // react-aria closes a non-modal popup on any scroll of the page; the box shows them again.
    act(() => void window.dispatchEvent(new Event('scroll')));
    expect(await screen.findByRole('option', { name: 'pmo, 4 questions' })).toBeTruthy();
    expect(document.activeElement).toBe(input);

    await user.keyboard('{Escape}');
    act(() => void window.dispatchEvent(new Event('scroll')));
    await new Promise((r) => requestAnimationFrame(r));
    expect(screen.queryByRole('listbox')).toBeNull();

    await user.type(input, 'o');
    await screen.findByRole('option', { name: 'pmo, 4 questions' });
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    await new Promise((r) => requestAnimationFrame(r));
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('hides nothing outside the popup, also what the page adds while it is open (axe aria-hidden-focus)', async () => {
    const user = userEvent.setup();
    function Page() {
      const [typed, setTyped] = useState(false);
      return (
        // The second letter: the suggestions opened on the first.
        <form onInput={(e) => setTyped((e.target as HTMLInputElement).value.length >= 2)}>
          <Harness />
          {/* Like the ask form's similar questions: they arrive while the suggestions show. */}
          {typed ? (
            <aside aria-label="Similar questions">
              <a href="/q/1">A similar question</a>
            </aside>
          ) : null}
        </form>
      );
    }
    render(
      <>
        <Page />
        <button type="button">Elsewhere</button>
      </>,
    );
    await user.type(screen.getByRole('combobox', { name: 'Tags' }), 'pm');
    await screen.findByRole('option', { name: 'pmo, 4 questions' });
    const arrived = screen.getByRole('complementary', { name: 'Similar questions' });
    await new Promise((r) => requestAnimationFrame(r));
    expect(arrived.closest('[aria-hidden="true"]')).toBeNull();
    expect(screen.getByRole('button', { name: 'Elsewhere' }).closest('[aria-hidden="true"]')).toBeNull();
  });

  it('removes a tag with its remove button and with Backspace in the empty box', async () => {
    const user = userEvent.setup();
    render(<Harness initial={['pmo', 'agile']} />);
    await user.click(screen.getByRole('button', { name: 'Remove pmo' }));
    expect(value()).toBe('agile');
    await user.click(screen.getByRole('combobox', { name: 'Tags' }));
    await user.keyboard('{Backspace}');
    expect(value()).toBe('');
  });

  it('refuses invalid, duplicate and too many tags with a message', async () => {
    const user = userEvent.setup();
    render(<Harness initial={['pmo']} max={2} />);
    const input = screen.getByRole('combobox', { name: 'Tags' });
    await user.type(input, 'bad_tag!{Enter}');
    expect(screen.getByText('“bad_tag!” is not a valid tag.')).toBeTruthy();
    expect(value()).toBe('pmo');
    await user.clear(input);
    await user.type(input, 'pmo{Enter}');
    expect(screen.getByText('“pmo” is already added.')).toBeTruthy();
    await user.type(input, 'agile,');
    expect(value()).toBe('pmo,agile');
    const full = screen.getByRole('combobox', { name: 'Tags' });
    expect(full.hasAttribute('disabled')).toBe(true);
    const described = (full.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain('You have chosen 2 tags, the most allowed: remove one to add another.');
  });

  it('reads right for one tag and for many ("1 tags chosen" was the old placeholder at a limit of 1)', () => {
    expect(tagCount(1)).toBe('1 tag');
    expect(tagCount(5)).toBe('5 tags');
    expect(limitMessage(1)).toBe('You have chosen a tag, the most allowed: remove it to choose another.');
    expect(limitMessage(5)).toBe('You have chosen 5 tags, the most allowed: remove one to add another.');
  });

  it('with a limit of 1, says "Up to 1 tag" and, when full, names no count', async () => {
    const user = userEvent.setup();
    render(<Harness max={1} />);
    const input = screen.getByRole('combobox', { name: 'Tags' });
    expect(screen.getByText('Up to 1 tag. Choose a suggestion or press Enter to add.')).toBeTruthy();
    await user.type(input, 'pmo{Enter}');
    expect(value()).toBe('pmo');
    expect(document.body.textContent).not.toMatch(/\b1 tags\b/);
    expect(input.getAttribute('placeholder')).toBeNull();
  });

  it('normalizeTag trims and lower-cases', () => {
    expect(normalizeTag('  Scrum Master ')).toBe('scrum-master');
  });
});
