import { it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { checkReport, readTextReport } from '../../src/core/narrative';
import { readDocx } from '../../src/docx/read';
const DEV = '/work/wt/i25/tests/fixtures/reports/dev/';
it('dump', async () => {
  const labels = JSON.parse(readFileSync(DEV + 'labels.json', 'utf8')).docs;
  let out = '';
  for (const name of Object.keys(labels)) {
    const b = readFileSync(DEV + name);
    const doc = name.endsWith('.txt') ? readTextReport(b.toString('utf8')) : await readDocx(b);
    const base = name.replace(/(-edited)?\.(docx|txt)$/, '');
    const st = JSON.parse(readFileSync(DEV + base + '-statements.json', 'utf8')).documents[name];
    const r = checkReport(doc);
    out += `\n######## ${name} tables=${doc.tables.length}\n`;
    for (const p of doc.paragraphs) {
      out += `¶${p.index} ${p.text}\n`;
      for (const s of st.filter((x: any) => x.paragraph === p.index)) out += `   H ${s.id} ${s.kind} ${s.verdict} [${JSON.stringify(s.numbers)}] ${s.relation} «${s.quote}»\n`;
      for (const s of r.statements.filter((x) => x.paragraph === p.index)) out += `   P ${s.kind} ${s.subject} ${s.found} ${s.verdict} ${s.against} «${s.quote}» ${s.finding?.expected ?? ''}\n`;
    }
  }
  writeFileSync('/tmp/dump.txt', out);
});
