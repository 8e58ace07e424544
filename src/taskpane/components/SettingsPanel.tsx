/** The settings, opened by the gear beside the toolbar: they are set once, not looked at every day. */
import * as React from 'react';
import { Caption1, Dropdown, Field, Input, Option, Subtitle2, Switch } from '@fluentui/react-components';
import type { SentenceForm, SortKey } from '../../core/summary';
import type { Settings } from '../../office/settings';
import { strings } from '../i18n';
import { useStyles } from '../styles';
import { WordsSetting } from './WordsSetting';

export function SettingsPanel({ settings, update, canAutoCheck }: { settings: Settings; update: (patch: Partial<Settings>) => void; canAutoCheck: boolean }): React.ReactElement {
  const styles = useStyles();
  const t = strings(settings.lang);
  const titleId = React.useId();
  const hintId = React.useId();
  return (
    <section className={styles.settings} aria-labelledby={titleId} data-testid="settings">
      <Subtitle2 as="h2" id={titleId}>
        {t.settings}
      </Subtitle2>
      <Field label={t.language}>
        <Dropdown value={settings.lang === 'en' ? 'English' : '中文'} selectedOptions={[settings.lang]} onOptionSelect={(_, d) => update({ lang: d.optionValue === 'en' ? 'en' : 'zh' })}>
          <Option value="zh">中文</Option>
          <Option value="en">English</Option>
        </Dropdown>
      </Field>
      <Field label={t.reviewer}>
        <Input defaultValue={settings.reviewer ?? ''} maxLength={40} onBlur={(e) => update({ reviewer: e.target.value.trim() })} data-testid="reviewer" />
      </Field>
      <Switch checked={settings.notes} onChange={(_, d) => update({ notes: d.checked })} label={t.writeNotes} />
      <Switch checked={settings.column} onChange={(_, d) => update({ column: d.checked })} label={t.writeColumn} />
      {canAutoCheck && (
        <>
          <Switch checked={settings.autoCheck} onChange={(_, d) => update({ autoCheck: d.checked })} label={t.autoCheck} aria-describedby={hintId} />
          <Caption1 id={hintId} className={styles.settingsHint}>
            {t.autoCheckHint}
          </Caption1>
        </>
      )}
      <Field label={t.reverse}>
        <Dropdown
          value={settings.reverseFormula === 'deviation' ? t.reverseDeviation : t.reverseRatio}
          selectedOptions={[settings.reverseFormula]}
          onOptionSelect={(_, d) =>
            update({
              reverseFormula: d.optionValue === 'deviation' ? 'deviation' : 'ratio',
            })
          }
        >
          <Option value="ratio">{t.reverseRatio}</Option>
          <Option value="deviation">{t.reverseDeviation}</Option>
        </Dropdown>
      </Field>
      <Field label={t.summarySort}>
        <Dropdown
          value={t.sorts[settings.summarySort]}
          selectedOptions={[settings.summarySort]}
          onOptionSelect={(_, d) =>
            update({
              summarySort: (d.optionValue as SortKey | undefined) ?? 'sheet',
            })
          }
        >
          {(Object.keys(t.sorts) as SortKey[]).map((k) => (
            <Option key={k} value={k}>
              {t.sorts[k]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t.summarySentence}>
        <Dropdown
          value={t.sentences[settings.summarySentence]}
          selectedOptions={[settings.summarySentence]}
          onOptionSelect={(_, d) =>
            update({
              summarySentence: d.optionValue === 'final-accounts' ? 'final-accounts' : 'report',
            })
          }
        >
          {(Object.keys(t.sentences) as SentenceForm[]).map((k) => (
            <Option key={k} value={k}>
              {t.sentences[k]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <WordsSetting words={settings.words} lang={settings.lang} update={(words) => update({ words })} />
    </section>
  );
}
