/**
 * 填写计算值, shown before anything is written: each cell with what it holds and what the rules put there,
 * and what could not be filled and why (one line per table and reason). Nothing is written until
 * 确认填写; where nothing would be, the dialog only says why, with 关闭.
 */
import * as React from 'react';
import { Button, Caption1, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { showCell } from '../../core/numbers';
import type { Lang } from '../../core/findings';
import { type FillPlan, shownBefore, skipLines, targetName } from '../../core/annotate/fillIn';
import { strings } from '../i18n';
import { useStyles } from '../styles';

export function FillDialog({ plan, lang, onConfirm, onCancel }: { plan: FillPlan; lang: Lang; onConfirm: () => void; onCancel: () => void }): React.ReactElement {
  const styles = useStyles();
  const t = strings(lang);
  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{t.fillTitle(plan.changes.length)}</DialogTitle>
          <DialogContent className={styles.fillContent}>
            {plan.changes.length > 0 && (
              <table className={styles.fillTable} data-testid="fill-changes">
                <thead>
                  <tr>
                    <th scope="col">{t.fillCell}</th>
                    <th scope="col">{t.fillWhat}</th>
                    <th scope="col">{t.fillBefore}</th>
                    <th scope="col">{t.fillAfter}</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.changes.map((c) => (
                    <tr key={c.cell}>
                      <td>{c.cell}</td>
                      <td title={c.project}>{targetName(c.target, lang)}</td>
                      <td>{shownBefore(c, lang)}</td>
                      <td>{showCell(c.after, c.beforeFormat)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {plan.skipped.length > 0 && (
              <ul className={styles.skipped} data-testid="fill-skipped">
                {skipLines(plan.skipped, lang).map((line) => (
                  <li key={line}>
                    <Caption1>{line}</Caption1>
                  </li>
                ))}
              </ul>
            )}
            {plan.changes.length > 0 && <Caption1>{t.fillUndo}</Caption1>}
          </DialogContent>
          <DialogActions>
            {plan.changes.length > 0 ? (
              <>
                <Button appearance="primary" onClick={onConfirm}>
                  {t.fillConfirm}
                </Button>
                <Button onClick={onCancel}>{t.cancel}</Button>
              </>
            ) : (
              <Button appearance="primary" onClick={onCancel}>
                {t.close}
              </Button>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
