/** `selfeval clear <file.xlsx>... --out DIR`: 清除标记 on copies. */
import path from 'node:path';
import type { Lang } from '../core/findings';
import { openWorkbook } from '../xlsx/read';
import { NODE_XLSX } from './zlib';
import { clearMarks } from '../xlsx/annotate';
import { readFileBytes, sameFile, writeAtomically } from './files';
import type { Io } from './main';

export async function runClear(files: readonly string[], outDir: string, lang: Lang, io: Io): Promise<number> {
  let code = 0;
  for (const file of files) {
    const target = path.join(outDir, path.basename(file));
    if (sameFile(file, target)) {
      io.printError(lang === 'en' ? `${file}: --out would overwrite the input` : `${file}：--out 会覆盖原文件`);
      code = 2;
      continue;
    }
    try {
      const wb = await openWorkbook(await readFileBytes(file), NODE_XLSX);
      const { cleared } = await clearMarks(wb);
      await writeAtomically(target, wb.save());
      io.print(lang === 'en' ? `${file}: cleared ${cleared.length} sheet(s) → ${target}` : `${file}：已清除 ${cleared.length} 个工作表的标记 → ${target}`);
    } catch (e) {
      io.printError(`${file}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      code = 2;
    }
  }
  return code;
}
