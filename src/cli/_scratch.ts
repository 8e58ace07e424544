import { readFileSync } from 'node:fs';
import { loadWorkbook, workbookToGrids } from '../xlsx/read';
import { checkSheet } from '../core/engine';
import { findingMessage } from '../core/findings';
import { rangeA1 } from '../core/grid';
import { fmt2 } from '../core/numbers';
(async () => {
  const wb = await loadWorkbook(readFileSync(process.argv[2]!));
  for (const g of workbookToGrids(wb)) {
    const r = checkSheet(g);
    for (const t of r.tables) {
      const d = (x: any) => (x === null ? '-' : fmt2(x));
      console.log(`[${g.name}] ${rangeA1(t.table.range)} ${t.table.kind} ${t.table.project} | ${t.table.department} | ${t.table.unit} | B=${d(t.budget)} E=${d(t.executed)} rate=${d(t.executionRate)} es=${d(t.executionScore)} iw=${d(t.indicatorWeight)} is=${d(t.indicatorScore)} total=${d(t.total)} ${t.grade} shown=${d(t.shownTotal)} ${t.shownGrade} n=${t.table.indicators.length}`);
      for (const f of t.findings) console.log(`   ${f.severity} ${f.code} ${f.cell} exp=${f.expected} found=${f.found} :: ${findingMessage(f)}`);
    }
    for (const u of r.unrecognised) console.log(`   UNRECOGNISED ${rangeA1(u.range)} ${u.reason}`);
  }
})();
