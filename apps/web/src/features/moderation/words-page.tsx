import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { LIMITS } from '@crossroads/shared-domain';
import { errorText, ModerationWordsDocument, SetModerationWordsDocument } from '@crossroads/web-data-access';
import { QueryState, TextAreaField } from '@crossroads/web-ui';
import { RequirePermission } from '../../ui/require-permission.js';

const W = LIMITS.moderation.words;

/** /moderation/words (admins): the words and phrases that hold a comment for moderation. */
export function WordsPage() {
  return (
    <RequirePermission permission="moderation.words.edit">
      <WordsEditor />
    </RequirePermission>
  );
}

export function parseWords(text: string): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const raw of text.split(/\r?\n|,/)) {
    const w = raw.trim();
    if (w && !seen.has(w.toLowerCase())) {
      seen.add(w.toLowerCase());
      words.push(w);
    }
  }
  return words;
}

function WordsEditor() {
  const { data, loading, error } = useQuery(ModerationWordsDocument);
  return (
    <QueryState
      data={data}
      loading={loading}
      error={error}
      loadingText="Loading the word list…"
      errorText="The word list could not be loaded."
      showErrorMessage
    >
      {/* Not keyed by the list: saving updates the cache, and the form keeps its text and message. */}
      {(d) => <WordsForm initial={d.moderationWords} />}
    </QueryState>
  );
}

function WordsForm({ initial }: { initial: string[] }) {
  const [text, setText] = useState(initial.join('\n'));
  const [save, { loading }] = useMutation(SetModerationWordsDocument, {
    update(cache, { data }) {
      if (data)
        cache.writeQuery({ query: ModerationWordsDocument, data: { moderationWords: data.setModerationWords } });
    },
  });
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const words = parseWords(text);
    const bad = words.find((w) => w.length < W.word.min || w.length > W.word.max);
    setDone(null);
    if (bad) return setProblem(`Each word or phrase must be ${W.word.min}–${W.word.max} characters: “${bad}” is not.`);
    if (words.length > W.max) return setProblem(`At most ${W.max} words (now ${words.length}).`);
    setProblem(null);
    try {
      const { data } = await save({ variables: { input: { words } } });
      setDone(
        `Saved: ${data?.setModerationWords.length ?? words.length} words. Comments matching one of them are held.`,
      );
    } catch (err) {
      setProblem(errorText(err));
    }
  };

  return (
    <section aria-labelledby="words-title">
      <title>Word list · Moderation · Crossroads</title>
      <h2 id="words-title">Moderation word list</h2>
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="panel">
        <TextAreaField
          name="words"
          label="Words and phrases, one per line"
          rows={10}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={problem}
          hint={`Whole words, any case. A comment matching one is held for moderation. Up to ${W.max} entries of ${W.word.min}–${W.word.max} characters.`}
        />
        <p role="status" className={done ? 'notice' : undefined}>
          {done}
        </p>
        <button type="submit" className="button" disabled={loading}>
          Save word list
        </button>
      </form>
    </section>
  );
}
