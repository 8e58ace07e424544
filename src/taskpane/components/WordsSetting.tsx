/**
 * 补充词表: the words of the user's form and what they mean, as the command line's words file holds them
 * (JSON). Applied when the field is left; a malformed text is said where it was typed and changes nothing.
 */
import * as React from 'react';
import { Field, Textarea } from '@fluentui/react-components';
import { parseUserWords, userWordsMessage } from '../../core/recognise/userWords';
import type { Lang } from '../../core/findings';
import { strings } from '../i18n';

export function WordsSetting({ words, lang, update }: { words: string; lang: Lang; update: (words: string) => void }): React.ReactElement {
  const t = strings(lang);
  const [draft, setDraft] = React.useState(words);
  const [error, setError] = React.useState<string | undefined>();
  React.useEffect(() => setDraft(words), [words]);
  const commit = () => {
    const read = parseUserWords(draft);
    if ('error' in read) {
      setError(userWordsMessage(t.wordsSource, read.error, lang));
      return;
    }
    setError(undefined);
    if (draft !== words) update(draft);
  };
  return (
    <Field label={t.words} hint={error ? undefined : t.wordsHint} validationState={error ? 'error' : 'none'} validationMessage={error}>
      <Textarea value={draft} onChange={(_, d) => setDraft(d.value)} onBlur={commit} resize="vertical" placeholder='{ "指标": { "考核分": "分值" } }' />
    </Field>
  );
}
