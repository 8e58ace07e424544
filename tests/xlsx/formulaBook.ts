/** A real table given formulas as clerks write them, for the tests of 填写计算值 over formulas. */
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { fixturePath } from '../helpers';

/** seed002 with G6:G7 one shared formula (master G6, its result spoiled to 50) and H21 =H6+SUM(H12:H20) showing 90. */
export async function withFormulas(): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(readFileSync(fixturePath('seed002.xlsx')));
  const part = 'xl/worksheets/sheet1.xml';
  let xml = await zip.file(part)!.async('string');
  const swap = (from: string, to: string) => {
    if (!xml.includes(from)) throw new Error(`seed002 changed: ${from}`);
    xml = xml.replace(from, to);
  };
  swap('<c r="G6" s="6"><v>100</v></c>', '<c r="G6" s="6"><f t="shared" ref="G6:G7" si="0">E6/D6*100</f><v>50</v></c>');
  swap('<c r="G7" s="6"><v>100</v></c>', '<c r="G7" s="6"><f t="shared" si="0"/><v>100</v></c>');
  swap('<c r="H21" s="4"><v>99</v></c>', '<c r="H21" s="4"><f>H6+SUM(H12:H20)</f><v>90</v></c>');
  zip.file(part, xml);
  return zip.generateAsync({ type: 'uint8array' });
}

