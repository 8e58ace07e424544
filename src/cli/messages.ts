/**
 * Everything the command line says, in Chinese and in English: one typed catalogue per language, so
 * that a message missing in one language does not compile.
 */
import type { Lang } from '../core/findings';
import { PROBLEM_TEXT, type Problem } from '../xlsx/problems';
import type { Fault } from '../xlsx/package/broken';

export type { Problem };


/** Why an output was refused. */
export type Refusal = 'isInput' | 'notOurs' | 'notOurFile' | 'outIsFile' | 'samePlace';

export interface CliText {
  readonly usage: string;
  readonly problem: Readonly<Record<Problem, (detail?: string) => string>>;
  readonly refusal: Readonly<Record<Refusal, (target: string, other?: string) => string>>;
  /** What is broken in a workbook, naming the part, the sheet and the cell. */
  readonly fault: (f: Fault) => string;
  readonly unknownOption: (o: string) => string;
  readonly needsValue: (o: string) => string;
  readonly dashFile: (o: string) => string;
  readonly badValue: (o: string, allowed: string) => string;
  readonly unknownCommand: (c: string) => string;
  readonly needsFiles: (command: string) => string;
  readonly needsOut: (command: string) => string;
  readonly nothingWritten: string;
  readonly writeFailed: (target: string, detail: string) => string;
  /** Causes of a failed write a user can act on, by the system's error code. */
  readonly writeCause: Readonly<Record<'ENOSPC' | 'EDQUOT' | 'EACCES' | 'EPERM' | 'EROFS' | 'ENAMETOOLONG' | 'EISDIR' | 'ENOTDIR', string>>;
  readonly interrupted: (signal: string) => string;
  readonly protectedSheet: (sheet: string) => string;
  readonly converted: (from: string) => string;
  readonly noWorkbooks: string;
  readonly skipped: (file: string, why: string) => string;
  readonly cleared: (file: string, sheets: number, target: string) => string;
  readonly filled: (file: string, cells: number, target: string) => string;
  readonly clearedNothing: (file: string, target: string) => string;
  /** 清除标记 kept the values 填写计算值 wrote. */
  readonly filledKept: (cells: number) => string;
  readonly undone: (file: string, cells: number, target: string) => string;
  readonly undoneNothing: (file: string, target: string) => string;
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
  selfeval check <文件或文件夹>... [--json 报告.json] [--out 目录] [--lang zh|en] [--reverse ratio|deviation] [--words 词表.json]
      识别并校验每张绩效自评表，打印复算的执行率、执行率得分、总分、等级和发现的问题。
      --json   写出 JSON 报告（每张表一个对象）；--json - 输出到标准输出
      --out    把标注后的副本写入该目录（按原文件夹结构），原文件不动
      --reverse 反向指标（≤/<）未达标时的计分方法：ratio（默认，分值×指标值÷完成值）或 deviation
      --words  补充词表（JSON）；另外自动读取工作簿所在文件夹的 selfeval-words.json 和 ~/.config/selfeval/words.json
      退出码：0 无错误；1 有错误级问题或无法识别的表格；2 有文件无法读取，或参数有误（其余文件照常校验）
      报告（.docx、.doc、.wps、纯文本 .txt）：其中每张表照样校验，正文中的数字陈述与表格、与前后文核对
  selfeval clear <文件>... --out 目录
      清除标记：恢复原有底色和批注，删除复核结果列（写入副本）；「填写计算值」填入的值保留
  selfeval fill <文件>... --out 目录 [--lang zh|en] [--reverse ratio|deviation]
      填写计算值：执行率、执行率得分、总分行分值和得分、评分等级，空白或有误时按规则填入（写入副本）；
      金额、分值、指标得分和原因不改动；逐项列出改动和未填写的原因
  selfeval fill --undo <文件>... --out 目录
      撤销填写：填写过的单元格恢复为填写前的内容（填写后又被改动的单元格保留，并列出）
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
  selfeval check <files or folders>... [--json report.json] [--out DIR] [--lang zh|en] [--reverse ratio|deviation] [--words words.json]
      reports (.docx, .doc, .wps, plain .txt): every table inside is checked, the narrative's figures against the tables and each other
  selfeval clear <files>... --out DIR
  selfeval fill <files>... --out DIR [--lang zh|en] [--reverse ratio|deviation]
  selfeval fill --undo <files>... --out DIR
  selfeval summary <files or folders>... -o summary.xlsx [--json summary.json] [--sort sheet|total|errors|budget|project] [--sentence report|final-accounts]
  selfeval demo
  selfeval --help | --version
check, fill and summary take --words FILE: words of your form and their meanings (JSON); selfeval-words.json beside
the workbooks and ~/.config/selfeval/words.json are read too.
Exit codes of check: 0 no error-level finding; 1 an error-level finding or an unreadable table; 2 a file could not be read, or a usage error.
Exit codes of summary: 0 every workbook read; 2 one could not be read (it is listed, the summary is still written) or the summary could not be written.
A file whose name starts with - is written ./-name.xlsx, or after --.
`;

export const CLI_TEXT: Readonly<Record<Lang, CliText>> = {
  zh: {
    usage: ZH_USAGE,
    problem: PROBLEM_TEXT.zh,
    refusal: {
      isInput: (t) => `${t}：这是要读取的文件本身，写出会覆盖它；请换一个输出位置`,
      notOurs: (t) => `${t}：已存在且不是本工具写出的工作簿，不会覆盖；请换一个文件名或先移走它`,
      notOurFile: (t) => `${t}：已存在且不是本工具写出的文件，不会覆盖；请换一个文件名或先移走它`,
      outIsFile: (t) => `${t}：--out 应是一个文件夹，而它是已有的文件`,
      samePlace: (t, o) => `${t}：两个输出写到同一个文件（${o ?? ''}）`,
    },
    fault: (f) => {
      const sheet = 'sheet' in f && f.sheet !== undefined ? `工作表「${f.sheet}」` : '';
      switch (f.kind) {
        case 'beyondGrid':
          return /^\d+$/.test(f.cell)
            ? `${sheet}的第 ${f.cell} 行超出 Excel 的表格范围（最多 1048576 行）`
            : `${sheet}的单元格 ${f.cell} 超出 Excel 的表格范围（最多 1048576 行、XFD 列）`;
        case 'missingPart':
          return sheet ? `${sheet}的部件 ${f.part} 缺失` : `缺少部件 ${f.part}`;
        case 'missingString':
          return `${sheet}的单元格 ${f.cell} 引用的共享字符串不存在`;
        case 'badXml':
          return `${sheet ? `${sheet}（${f.part}）` : f.part}的 XML 格式错误：${f.detail}`;
        case 'duplicateSheet':
          return `有两个工作表都叫「${f.sheet}」`;
        case 'duplicateEntry':
          return `部件 ${f.part} 在文件中出现了两次`;
        case 'badCrc':
          return `${sheet ? `${sheet}（${f.part}）` : `部件 ${f.part}`}的校验和不符，数据已损坏`;
      }
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
    writeCause: {
      ENOSPC: '磁盘已满',
      EDQUOT: '超出磁盘配额',
      EACCES: '没有写入权限',
      EPERM: '没有写入权限',
      EROFS: '只读的文件系统',
      ENAMETOOLONG: '文件名过长',
      EISDIR: '同名的文件夹已存在',
      ENOTDIR: '路径中有同名的文件，不是文件夹',
    },
    interrupted: (s) => `已中断（${s}）：正在写出的文件已删除，未留下半成品文件`,
    protectedSheet: (s) => `工作表「${s}」受保护：已校验，未写入标记`,
    converted: (f) => `（${f === 'htmlXls' ? '网页格式的 .xls' : f === 'xml2003' ? 'XML 2003 格式的 .xls' : `.${f}`} 文件，已由 LibreOffice 转换为 .${f === 'doc' || f === 'wps' ? 'docx' : 'xlsx'} 读取）`,
    noWorkbooks: '没有找到可读取的工作簿',
    skipped: (f, w) => `${f}：${w}`,
    cleared: (f, n, t) => `${f}：已清除 ${n} 个工作表的标记 → ${t}`,
    filled: (f, n, t) =>
      n === 0 ? `${f}：计算值均无需填写（副本内容与原文件相同）→ ${t}` : `${f}：已填写 ${n} 个计算值（原有内容已保存，selfeval fill --undo 可恢复）→ ${t}`,
    clearedNothing: (f, t) => `${f}：没有本工具的标记 → ${t}`,
    filledKept: (n) => `  「填写计算值」填入的 ${n} 个单元格保留；要恢复填写前的内容，请用 selfeval fill --undo`,
    undone: (f, n, t) => `${f}：已撤销填写，${n} 个单元格恢复为填写前的内容 → ${t}`,
    undoneNothing: (f, t) => `${f}：没有可撤销的填写（副本内容与原文件相同）→ ${t}`,
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
    problem: PROBLEM_TEXT.en,
    refusal: {
      isInput: (t) => `${t}: this is a file being read; writing would overwrite it. Choose another output`,
      notOurs: (t) => `${t}: exists and is not a workbook selfeval wrote; not overwritten. Choose another name or move it first`,
      notOurFile: (t) => `${t}: exists and is not a file selfeval wrote; not overwritten. Choose another name or move it first`,
      outIsFile: (t) => `${t}: --out must be a folder, and this is an existing file`,
      samePlace: (t, o) => `${t}: two outputs would be written to one file (${o ?? ''})`,
    },
    fault: (f) => {
      const sheet = 'sheet' in f && f.sheet !== undefined ? `sheet "${f.sheet}"` : '';
      switch (f.kind) {
        case 'beyondGrid':
          return /^\d+$/.test(f.cell)
            ? `${sheet}: row ${f.cell} is outside Excel's grid (1,048,576 rows at most)`
            : `${sheet}: cell ${f.cell} is outside Excel's grid (1,048,576 rows and XFD at most)`;
        case 'missingPart':
          return sheet ? `${sheet}: its part ${f.part} is missing` : `the part ${f.part} is missing`;
        case 'missingString':
          return `${sheet}: cell ${f.cell} refers to a shared string that is not there`;
        case 'badXml':
          return `${sheet ? `${sheet} (${f.part})` : f.part}: the XML is not well formed: ${f.detail}`;
        case 'duplicateSheet':
          return `two sheets are named "${f.sheet}"`;
        case 'duplicateEntry':
          return `the part ${f.part} is in the file twice`;
        case 'badCrc':
          return `${sheet ? `${sheet} (${f.part})` : `the part ${f.part}`}: its checksum does not match, the data is damaged`;
      }
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
    writeCause: {
      ENOSPC: 'the disk is full',
      EDQUOT: 'over the disk quota',
      EACCES: 'permission denied',
      EPERM: 'permission denied',
      EROFS: 'a read-only file system',
      ENAMETOOLONG: 'the name is too long',
      EISDIR: 'a folder of that name exists',
      ENOTDIR: 'a file stands where a folder should be',
    },
    interrupted: (s) => `interrupted (${s}): the files being written were removed; nothing half-written is left`,
    protectedSheet: (s) => `sheet "${s}" is protected: checked, not marked`,
    converted: (f) => `(${f === 'htmlXls' ? 'a web-page .xls' : f === 'xml2003' ? 'an XML 2003 .xls' : `an .${f}`} file, read after LibreOffice converted it to .${f === 'doc' || f === 'wps' ? 'docx' : 'xlsx'})`,
    noWorkbooks: 'no readable workbook found',
    skipped: (f, w) => `${f}: ${w}`,
    cleared: (f, n, t) => `${f}: cleared ${n} sheet(s) → ${t}`,
    filled: (f, n, t) =>
      n === 0
        ? `${f}: no computed value needed filling (the copy holds the same content) → ${t}`
        : `${f}: filled ${n} computed value(s) (the old ones are kept: selfeval fill --undo puts them back) → ${t}`,
    clearedNothing: (f, t) => `${f}: no marks of selfeval → ${t}`,
    filledKept: (n) => `  the ${n} cell(s) written by fill are kept; selfeval fill --undo puts back what they held before`,
    undone: (f, n, t) => `${f}: fill undone, ${n} cell(s) hold again what they held before → ${t}`,
    undoneNothing: (f, t) => `${f}: nothing filled to undo (the copy holds the same content) → ${t}`,
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
