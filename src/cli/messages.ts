/**
 * Everything the command line says, in Chinese and in English: one typed catalogue per language, so
 * that a message missing in one language does not compile.
 */
import type { Lang } from '../core/findings';

/** Why a file or folder could not be read. */
export type Problem =
  | 'notFound'
  | 'notRegular'
  | 'unreadableFolder'
  | 'unreadable'
  | 'tooLarge'
  | 'bomb'
  | 'encrypted'
  | 'xls'
  | 'et'
  | 'ods'
  | 'notWorkbook'
  | 'corrupt'
  | 'convertFailed'
  | 'notDocument'
  | 'noDocumentPart'
  | 'doc'
  | 'wps';

/** Why an output was refused. */
export type Refusal = 'isInput' | 'notOurs' | 'outIsFile' | 'samePlace';

export interface CliText {
  readonly usage: string;
  readonly problem: Readonly<Record<Problem, (detail?: string) => string>>;
  readonly refusal: Readonly<Record<Refusal, (target: string, other?: string) => string>>;
  readonly unknownOption: (o: string) => string;
  readonly needsValue: (o: string) => string;
  readonly dashFile: (o: string) => string;
  readonly badValue: (o: string, allowed: string) => string;
  readonly unknownCommand: (c: string) => string;
  readonly needsFiles: (command: string) => string;
  readonly needsOut: (command: string) => string;
  readonly nothingWritten: string;
  readonly writeFailed: (target: string, detail: string) => string;
  readonly protectedSheet: (sheet: string) => string;
  readonly converted: (from: string) => string;
  readonly noWorkbooks: string;
  readonly skipped: (file: string, why: string) => string;
  readonly cleared: (file: string, sheets: number, target: string) => string;
  readonly filled: (file: string, cells: number, target: string) => string;
  readonly clearedNothing: (file: string, target: string) => string;
  readonly lockedSheets: (file: string, sheets: string) => string;
  readonly written: (what: string, target: string) => string;
  readonly progress: (done: number, all: number, seconds: string) => string;
  readonly byShown: string;
  readonly duplicates: (n: number) => string;
  readonly summaryAt: (file: string) => string;
  readonly jsonAt: (file: string) => string;
  readonly demo: { readonly copy: string; readonly json: string; readonly summary: string };
}

const ZH_USAGE = `绩效自评校验 selfeval

用法：
  selfeval check <文件或文件夹>... [--json 报告.json] [--out 目录] [--lang zh|en] [--reverse ratio|deviation]
      识别并校验每张绩效自评表，打印复算的执行率、执行率得分、总分、等级和发现的问题。
      --json   写出 JSON 报告（每张表一个对象）；--json - 输出到标准输出
      --out    把标注后的副本写入该目录（按原文件夹结构），原文件不动
      --reverse 反向指标（≤/<）未达标时的计分方法：ratio（默认，分值×指标值÷完成值）或 deviation
      退出码：0 无错误；1 有错误级问题或无法识别的表格；2 有文件无法读取，或参数有误（其余文件照常校验）
      报告（.docx、.doc、.wps、纯文本 .txt）：其中每张表照样校验，正文中的数字陈述与表格、与前后文核对
  selfeval clear <文件>... --out 目录
      清除标记：恢复原有底色、批注和填写前的内容，删除复核结果列（写入副本）
  selfeval fill <文件>... --out 目录 [--lang zh|en] [--reverse ratio|deviation]
      填写计算值：执行率、执行率得分、总分行分值和得分、评分等级，空白或有误时按规则填入（写入副本）；
      金额、分值、指标得分和原因不改动；逐项列出改动和未填写的原因
  selfeval summary <文件或文件夹>... -o 汇总表.xlsx [--json 汇总.json] [--sort sheet|total|errors|budget|project] [--sentence report|final-accounts]
      汇总多个工作簿中的全部自评表：每表一行、金额合计、等级分布和汇报用语句。
      --json   同时写出 JSON 汇总；--json - 输出到标准输出
      --sentence 汇报语句的写法：report（默认，自评报告用语）或 final-accounts（部门决算说明用语）
      无法读取的工作簿在汇总表中列出，其余照常汇总。退出码：0 全部读取；2 有工作簿无法读取（汇总表照常写出）或无法写出
  selfeval demo
      校验随附的示例工作簿，写出标注副本、JSON 报告和汇总表
  selfeval --help | --version

文件名以 - 开头时，请写成 ./-文件名.xlsx，或放在 -- 之后。
`;

const EN_USAGE = `selfeval — checks fiscal performance self-evaluation tables

Usage:
  selfeval check <files or folders>... [--json report.json] [--out DIR] [--lang zh|en] [--reverse ratio|deviation]
      reports (.docx, .doc, .wps, plain .txt): every table inside is checked, the narrative's figures against the tables and each other
  selfeval clear <files>... --out DIR
  selfeval fill <files>... --out DIR [--lang zh|en] [--reverse ratio|deviation]
  selfeval summary <files or folders>... -o summary.xlsx [--json summary.json] [--sort sheet|total|errors|budget|project] [--sentence report|final-accounts]
  selfeval demo
  selfeval --help | --version
Exit codes of check: 0 no error-level finding; 1 an error-level finding or an unreadable table; 2 a file could not be read, or a usage error.
Exit codes of summary: 0 every workbook read; 2 one could not be read (it is listed, the summary is still written) or the summary could not be written.
A file whose name starts with - is written ./-name.xlsx, or after --.
`;

export const CLI_TEXT: Readonly<Record<Lang, CliText>> = {
  zh: {
    usage: ZH_USAGE,
    problem: {
      notFound: () => '找不到该文件或文件夹',
      notRegular: () => '不是普通文件（管道、设备或特殊文件），已跳过',
      unreadableFolder: (d) => `无法读取该文件夹${d ? `（${d}）` : ''}，已跳过`,
      unreadable: (d) => `无法读取该文件${d ? `（${d}）` : ''}`,
      tooLarge: (d) => `文件过大（${d ?? ''}），不像是一份自评表，已跳过`,
      bomb: (d) => `工作簿解压后过大${d ? `（${d}）` : ''}，可能已损坏或是压缩炸弹，已跳过`,
      encrypted: () => '加密的工作簿：请先在 Excel 或 WPS 中取消密码并另存，再校验',
      xls: () => '旧版 .xls 工作簿：请在 Excel 或 WPS 中另存为 .xlsx 后再校验（或安装 LibreOffice，本工具会自动转换）',
      et: () => 'WPS .et 工作簿：请在 WPS 中另存为 .xlsx 后再校验（或安装 LibreOffice，本工具会自动转换）',
      ods: () => 'OpenDocument 表格（.ods）：请另存为 .xlsx 后再校验（或安装 LibreOffice，本工具会自动转换）',
      notWorkbook: () => '不是 Excel 工作簿（.xlsx / .xlsm）',
      corrupt: (d) => `工作簿已损坏，无法读取${d ? `（${d}）` : ''}：请从原处重新复制或导出一份`,
      convertFailed: (d) => `LibreOffice 无法转换该文件${d ? `（${d}）` : ''}：请在 WPS 或 Excel 中另存为 .xlsx`,
      notDocument: () => '不是 Word 文档（.docx）：报告请另存为 .docx（或 .doc、.wps、纯文本 .txt）后再核对',
      noDocumentPart: (d) => `文档包中没有正文部分${d ? `（${d}）` : ''}：请在 Word 或 WPS 中重新另存为 .docx`,
      doc: () => '旧版 .doc 文档：请在 Word 或 WPS 中另存为 .docx 后再核对（或安装 LibreOffice，本工具会自动转换）',
      wps: () => 'WPS .wps 文档：请在 WPS 中另存为 .docx 后再核对（或安装 LibreOffice，本工具会自动转换）',
    },
    refusal: {
      isInput: (t) => `${t}：这是要读取的文件本身，写出会覆盖它；请换一个输出位置`,
      notOurs: (t) => `${t}：已存在且不是本工具写出的工作簿，不会覆盖；请换一个文件名或先移走它`,
      outIsFile: (t) => `${t}：--out 应是一个文件夹，而它是已有的文件`,
      samePlace: (t, o) => `${t}：两个输出写到同一个文件（${o ?? ''}）`,
    },
    unknownOption: (o) => `未知选项：${o}`,
    needsValue: (o) => `${o} 需要一个值`,
    dashFile: (o) => `「${o}」以 - 开头：若是文件，请写成 ./${o}，或放在 -- 之后`,
    badValue: (o, a) => `${o} 只能是 ${a}`,
    unknownCommand: (c) => `未知命令：${c}`,
    needsFiles: (c) => `${c} 需要至少一个文件${c === 'clear' ? '' : '或文件夹'}`,
    needsOut: (c) => (c === 'summary' ? 'summary 需要 -o 汇总表.xlsx' : `${c} 需要 --out 目录`),
    nothingWritten: '未写出任何文件。',
    writeFailed: (t, d) => `${t}：写出失败（${d}），未留下半成品文件`,
    protectedSheet: (s) => `工作表「${s}」受保护：已校验，未写入标记`,
    converted: (f) => `（.${f} 文件，已由 LibreOffice 转换为 .${f === 'doc' || f === 'wps' ? 'docx' : 'xlsx'} 读取）`,
    noWorkbooks: '没有找到可读取的工作簿',
    skipped: (f, w) => `${f}：${w}`,
    cleared: (f, n, t) => `${f}：已清除 ${n} 个工作表的标记 → ${t}`,
    filled: (f, n, t) =>
      n === 0 ? `${f}：计算值均无需填写（副本内容与原文件相同）→ ${t}` : `${f}：已填写 ${n} 个计算值（原有内容已保存，selfeval clear 可恢复）→ ${t}`,
    clearedNothing: (f, t) => `${f}：没有本工具的标记 → ${t}`,
    lockedSheets: (f, s) => `${f}：受保护的工作表未清除：${s}`,
    written: (w, t) => `${w}：${t}`,
    progress: (d, a, s) => `已读取 ${d}/${a} 个工作簿（${s} 秒）`,
    byShown: '按表内总分：',
    duplicates: (n) => `另有 ${n} 张表与前面的表相同（项目名称和金额一致），只计一次，已在汇总表备注中标出。`,
    summaryAt: (f) => `汇总表：${f}`,
    jsonAt: (f) => `JSON：${f}`,
    demo: { copy: '标注副本', json: 'JSON 报告', summary: '汇总表' },
  },
  en: {
    usage: EN_USAGE,
    problem: {
      notFound: () => 'no such file or folder',
      notRegular: () => 'not a regular file (a pipe, a device or a special file); skipped',
      unreadableFolder: (d) => `this folder cannot be read${d ? ` (${d})` : ''}; skipped`,
      unreadable: (d) => `this file cannot be read${d ? ` (${d})` : ''}`,
      tooLarge: (d) => `the file is too large (${d ?? ''}) to be a self-evaluation; skipped`,
      bomb: (d) => `the workbook expands to too much${d ? ` (${d})` : ''}: damaged, or a zip bomb; skipped`,
      encrypted: () => 'an encrypted workbook: remove its password in Excel or WPS and save it again, then check it',
      xls: () => 'an old .xls workbook: save it as .xlsx in Excel or WPS (or install LibreOffice: it is then converted)',
      et: () => 'a WPS .et workbook: save it as .xlsx in WPS (or install LibreOffice: it is then converted)',
      ods: () => 'an OpenDocument spreadsheet (.ods): save it as .xlsx (or install LibreOffice: it is then converted)',
      notWorkbook: () => 'not an Excel workbook (.xlsx / .xlsm)',
      corrupt: (d) => `the workbook is damaged and cannot be read${d ? ` (${d})` : ''}: copy or export it again from where it came`,
      convertFailed: (d) => `LibreOffice could not convert it${d ? ` (${d})` : ''}: save it as .xlsx in WPS or Excel`,
      notDocument: () => 'not a Word document (.docx): save the report as .docx (or .doc, .wps, plain .txt) and check it again',
      noDocumentPart: (d) => `the package has no document part${d ? ` (${d})` : ''}: save it again as .docx in Word or WPS`,
      doc: () => 'an old .doc document: save it as .docx in Word or WPS (or install LibreOffice: it is then converted)',
      wps: () => 'a WPS .wps document: save it as .docx in WPS (or install LibreOffice: it is then converted)',
    },
    refusal: {
      isInput: (t) => `${t}: this is a file being read; writing would overwrite it. Choose another output`,
      notOurs: (t) => `${t}: exists and is not a workbook selfeval wrote; not overwritten. Choose another name or move it first`,
      outIsFile: (t) => `${t}: --out must be a folder, and this is an existing file`,
      samePlace: (t, o) => `${t}: two outputs would be written to one file (${o ?? ''})`,
    },
    unknownOption: (o) => `unknown option: ${o}`,
    needsValue: (o) => `${o} needs a value`,
    dashFile: (o) => `"${o}" starts with -: if it is a file, write ./${o}, or put it after --`,
    badValue: (o, a) => `${o} must be ${a}`,
    unknownCommand: (c) => `unknown command: ${c}`,
    needsFiles: (c) => `${c} needs at least one file${c === 'clear' ? '' : ' or folder'}`,
    needsOut: (c) => (c === 'summary' ? 'summary needs -o summary.xlsx' : `${c} needs --out DIR`),
    nothingWritten: 'Nothing was written.',
    writeFailed: (t, d) => `${t}: could not be written (${d}); no half-written file left`,
    protectedSheet: (s) => `sheet "${s}" is protected: checked, not marked`,
    converted: (f) => `(an .${f} file, read after LibreOffice converted it to .${f === 'doc' || f === 'wps' ? 'docx' : 'xlsx'})`,
    noWorkbooks: 'no readable workbook found',
    skipped: (f, w) => `${f}: ${w}`,
    cleared: (f, n, t) => `${f}: cleared ${n} sheet(s) → ${t}`,
    filled: (f, n, t) =>
      n === 0
        ? `${f}: no computed value needed filling (the copy holds the same content) → ${t}`
        : `${f}: filled ${n} computed value(s) (the old ones are kept: selfeval clear puts them back) → ${t}`,
    clearedNothing: (f, t) => `${f}: no marks of selfeval → ${t}`,
    lockedSheets: (f, s) => `${f}: protected sheets not cleared: ${s}`,
    written: (w, t) => `${w}: ${t}`,
    progress: (d, a, s) => `read ${d}/${a} workbooks (${s} s)`,
    byShown: 'By the shown totals: ',
    duplicates: (n) => `${n} more table(s) are the same as earlier ones (same project and amounts): counted once, flagged in the remarks.`,
    summaryAt: (f) => `Summary: ${f}`,
    jsonAt: (f) => `JSON:    ${f}`,
    demo: { copy: 'Annotated copy', json: 'JSON report', summary: 'Summary sheet' },
  },
};
