/**
 * 复核意见 on a finding: the 已核实 badge with its note, name and date; on the selected finding, 已核实… opening
 * a small form (a short note, the reviewer's name from the settings, 确认 / 取消), or 撤回已核实.
 */
import * as React from 'react';
import { Badge, Button, Caption1, Field, Input } from '@fluentui/react-components';
import { CheckmarkCircle16Regular } from '@fluentui/react-icons';
import { VERDICT_NOTE_MAX } from '../../../core/annotate/verdicts';
import type { FindingReport } from '../../../core/report';
import type { Strings } from '../../i18n';
import { useStyles } from '../../styles';

/** What a finding's verdict can be told: a note (已核实) or null (taken back). */
export type OnVerdict = (f: FindingReport, note: string | null) => void;

export function VerdictBadge({ verdict, t }: { verdict: NonNullable<FindingReport['verdict']>; t: Strings }): React.ReactElement {
  const styles = useStyles();
  const who = t.verifiedBy(verdict.by, verdict.at.slice(0, 10));
  return (
    <div className={styles.verdict} data-testid="verdict">
      <Badge appearance="tint" color="success" size="small" icon={<CheckmarkCircle16Regular />}>
        {t.verified}
      </Badge>
      <span className={styles.verdictNote}>{verdict.note}</span>
      {who && <span>（{who}）</span>}
    </div>
  );
}

export interface VerdictActionsProps {
  readonly finding: FindingReport;
  readonly reviewer: string;
  readonly t: Strings;
  readonly onVerdict: OnVerdict;
}

/** Under the selected finding: 已核实… (then the form) or 撤回已核实. */
export function VerdictActions({ finding, reviewer, t, onVerdict }: VerdictActionsProps): React.ReactElement {
  const styles = useStyles();
  const [open, setOpen] = React.useState(false);
  const [note, setNote] = React.useState('');
  const opener = React.useRef<HTMLButtonElement>(null);
  if (finding.verdict)
    return (
      <div className={styles.verdictForm}>
        <Button size="small" appearance="secondary" onClick={() => onVerdict(finding, null)} data-testid="unverify">
          {t.unverify}
        </Button>
      </div>
    );
  if (!open)
    return (
      <div className={styles.verdictForm}>
        <Button ref={opener} size="small" appearance="secondary" onClick={() => setOpen(true)} aria-expanded={false} data-testid="verify">
          {t.verify}
        </Button>
      </div>
    );
  const cancel = () => {
    setOpen(false);
    setNote('');
    requestAnimationFrame(() => opener.current?.focus());
  };
  return (
    <form
      className={styles.verdictForm}
      aria-label={t.verifyTitle}
      data-testid="verdict-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (note.trim()) onVerdict(finding, note.trim());
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') cancel();
      }}
    >
      <Field label={t.verifyNote}>
        <Input value={note} maxLength={VERDICT_NOTE_MAX} onChange={(_, d) => setNote(d.value)} autoFocus size="small" />
      </Field>
      <Caption1>{t.verifyBy(reviewer)}</Caption1>
      <div className={styles.verdictButtons}>
        <Button type="submit" size="small" appearance="primary" disabled={!note.trim()}>
          {t.confirm}
        </Button>
        <Button size="small" onClick={cancel}>
          {t.cancel}
        </Button>
      </div>
    </form>
  );
}
