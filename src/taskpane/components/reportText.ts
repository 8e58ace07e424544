/** The words of the pane's 核对报告 (its button is in the toolbar; the rest loads with the report chunk). */
import type { Lang } from '../../core/findings';

export const REPORT_TEXT = {
  zh: {
    button: '核对报告…',
    hint: '选择一份自评报告（.docx 或 .txt），核对正文中的数字陈述与本工作簿的表格、与前后文是否一致；文件只在本机读取，不上传',
    reading: (name: string) => `正在读取并核对《${name}》…`,
    counts: (p: number, s: number, c: number, bad: number) => `${p} 段，读到 ${s} 处数字陈述，核对 ${c} 处，不符 ${bad} 处`,
    against: (n: number, own: boolean) => (own ? `对照：报告自带的 ${n} 张表` : `对照：本工作簿的 ${n} 张表（按项目名称/部门名称对应）`),
    title: (name: string) => `报告《${name}》`,
    paragraph: (n: number) => `第${n}段`,
    clean: '正文与表格、前后文一致',
    all: (n: number) => `全部 ${n} 处陈述`,
    verdict: { consistent: '一致', inconsistent: '不符', unmatched: '表中无对应项', unchecked: '无从核对' },
    close: '关闭',
    problem: {
      notDocument: '不是 Word 文档（.docx）：请另存为 .docx 或纯文本 .txt 后再核对',
      oldFormat: '旧版 .doc / WPS .wps 文档：请在 Word 或 WPS 中另存为 .docx 后再核对',
      noDocumentPart: '文档包中没有正文部分：请在 Word 或 WPS 中重新另存为 .docx',
      bomb: '文档解压后过大，可能已损坏或是压缩炸弹，未读取',
      corrupt: (d: string) => `文档已损坏，无法读取（${d}）`,
    },
  },
  en: {
    button: 'Check a report…',
    hint: "Pick a self-evaluation report (.docx or .txt): its figures are checked against this workbook's tables and against each other; the file is read on this computer, never uploaded",
    reading: (name: string) => `Reading and checking "${name}"…`,
    counts: (p: number, s: number, c: number, bad: number) => `${p} paragraph(s), ${s} statement(s) read, ${c} checked, ${bad} inconsistent`,
    against: (n: number, own: boolean) => (own ? `against the report's own ${n} table(s)` : `against this workbook's ${n} table(s) (matched by project / department name)`),
    title: (name: string) => `Report "${name}"`,
    paragraph: (n: number) => `¶${n}`,
    clean: 'the narrative agrees with the tables and itself',
    all: (n: number) => `all ${n} statement(s)`,
    verdict: { consistent: 'agrees', inconsistent: 'differs', unmatched: 'not in the table', unchecked: 'nothing to check against' },
    close: 'Close',
    problem: {
      notDocument: 'not a Word document (.docx): save it as .docx or plain .txt and check it again',
      oldFormat: 'an old .doc or WPS .wps document: save it as .docx in Word or WPS and check it again',
      noDocumentPart: 'the package has no document part: save it again as .docx in Word or WPS',
      bomb: 'the document is far too large once unpacked (damaged, or a zip bomb): not read',
      corrupt: (d: string) => `the document is damaged and cannot be read (${d})`,
    },
  },
} as const satisfies Record<Lang, unknown>;
