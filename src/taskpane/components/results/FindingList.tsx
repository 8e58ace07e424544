/**
 * A card's findings by severity — 提示 folded away while errors or warnings are listed above them, each
 * finding a button that selects its cell and, selected, shows its rule's code; all of them one composite
 * for the keyboard — and what the filter hides, said in words.
 */
import * as React from 'react';
import { Button, Caption1, Text, mergeClasses, useArrowNavigationGroup } from '@fluentui/react-components';
import { ChevronDown16Regular, ChevronRight16Regular, DismissCircle20Filled, Info20Regular, Warning20Filled } from '@fluentui/react-icons';
import type { Severity } from '../../../core/findings';
import type { FindingReport, TableReport } from '../../../core/report';
import type { Strings } from '../../i18n';
import { type Filter, SEVERITIES, count, findingKey } from '../../state/tables';
import { useStyles } from '../../styles';
import { type OnVerdict, VerdictActions, VerdictBadge } from './Verdict';

const ICON: Record<Severity, React.ReactElement> = {
  error: <DismissCircle20Filled aria-hidden />,
  warning: <Warning20Filled aria-hidden />,
  info: <Info20Regular aria-hidden />,
};

export interface FindingListProps {
  readonly table: TableReport;
  readonly filter: Filter;
  readonly t: Strings;
  readonly selected: string | null;
  readonly onSelect: (f: FindingReport) => void;
  /** 复核意见 (hosts that keep verdicts): 已核实 on the selected finding, or taken back. */
  readonly onVerdict?: OnVerdict;
  /** The reviewer's name from the settings. */
  readonly reviewer?: string;
}

export function FindingList({ table, filter, t, selected, onSelect, onVerdict, reviewer = '' }: FindingListProps): React.ReactElement {
  const styles = useStyles();
  const [infoOpen, setInfoOpen] = React.useState(false);
  // The card's findings are one stop of Tab: arrows, Home and End move inside, Tab goes on to the next
  // card; coming back, focus returns to the finding last left.
  const arrows = useArrowNavigationGroup({
    axis: 'vertical',
    memorizeCurrent: true,
  });
  const severities = SEVERITIES.filter((s) => filter === 'all' || filter === s);
  // Verified findings are listed apart, after the open ones (and only unfiltered).
  const visible = table.findings.filter((f) => severities.includes(f.severity) && !f.verdict);
  const verified = filter === 'all' ? table.findings.filter((f) => f.verdict) : [];
  // What the filter hides, said in words: "无错误（6 条警告已隐藏）".
  const hidden: [Severity, number][] = SEVERITIES.filter((s) => !severities.includes(s))
    .map((s) => [s, count(table, s)] as [Severity, number])
    .filter(([, n]) => n > 0);
  const clean = !count(table, 'error') && !count(table, 'warning');
  const item = (f: FindingReport) => {
    const isSelected = selected === findingKey(table, f);
    return (
      <li key={`${f.code}@${f.cell}`}>
        <FindingButton finding={f} selected={isSelected} onSelect={onSelect} />
        {f.verdict && <VerdictBadge verdict={f.verdict} t={t} />}
        {isSelected && onVerdict && <VerdictActions finding={f} reviewer={reviewer} t={t} onVerdict={onVerdict} />}
      </li>
    );
  };
  const verifiedGroup = verified.length > 0 && (
    <div role="group" aria-label={`${table.project || table.sheet}：${t.verified}`} data-verified>
      <Caption1 className={styles.groupTitle}>{t.verifiedGroup(verified.length)}</Caption1>
      <ul className={styles.list}>{verified.map(item)}</ul>
    </div>
  );
  if (visible.length === 0 && verifiedGroup)
    return (
      <>
        <Text>{t.cleanSummary}</Text>
        <div {...arrows} data-findings>
          {verifiedGroup}
        </div>
      </>
    );
  if (visible.length === 0) return <Text>{hidden.length && filter !== 'all' ? t.hidden(filter, hidden) : clean ? t.cleanSummary : t.noFindings}</Text>;
  const name = table.project || table.sheet;
  // 提示 are folded away while errors or warnings are listed above them; the toggle stays out of the
  // composite, after it, so that End is the last finding.
  const infos = filter === 'all' ? visible.filter((f) => f.severity === 'info').length : 0;
  return (
    <>
      <div {...arrows} data-findings>
        {severities.map((s) => {
          const items = visible.filter((f) => f.severity === s);
          if (!items.length || (s === 'info' && infos > 0 && !infoOpen)) return null;
          return (
            <div key={s} role="group" aria-label={`${name}：${t.severity[s]}`}>
              <Caption1 className={mergeClasses(styles.groupTitle, styles[s])}>
                {t.severity[s]} {items.length}
              </Caption1>
              <ul className={styles.list}>{items.map(item)}</ul>
            </div>
          );
        })}
        {verifiedGroup}
      </div>
      {infos > 0 && (
        <Button appearance="subtle" size="small" icon={infoOpen ? <ChevronDown16Regular /> : <ChevronRight16Regular />} aria-expanded={infoOpen} onClick={() => setInfoOpen(!infoOpen)}>
          {t.showInfo(infos)}
        </Button>
      )}
      {filter !== 'all' && hidden.length > 0 && <Caption1>{t.alsoHidden(hidden)}</Caption1>}
    </>
  );
}

function FindingButton({ finding: f, selected, onSelect }: { finding: FindingReport; selected: boolean; onSelect: (f: FindingReport) => void }): React.ReactElement {
  const styles = useStyles();
  // The rule's code and the indicator's full name, on the selected finding, after its message: out of what
  // a screen reader says first, and never a tooltip over the finding or the one beside it.
  const detail = f.subject ? `${f.code} · ${f.subject}` : f.code;
  return (
    <button
      type="button"
      className={mergeClasses(styles.finding, selected && styles.findingSelected)}
      onClick={() => onSelect(f)}
      aria-current={selected ? 'true' : undefined}
      data-cell={f.cell}
      data-code={f.code}
    >
      <span className={styles[f.severity]}>{ICON[f.severity]}</span>
      <span className={styles.cell}>{f.cell}</span>
      <span className={styles.message}>{f.message}</span>
      {selected && (
        <span className={styles.detail} data-testid="finding-detail">
          {detail}
        </span>
      )}
    </button>
  );
}
