/**
 * What the command line prints is made safe for a terminal: file names, sheet names and cell text come
 * from the workbooks and the folders, and a control character in them would act on the terminal (ESC
 * sequences that recolour or move, OSC titles, a CR that overwrites the line before, bidi overrides that
 * reorder it). Each is shown as a \uXXXX escape instead — the same escape JSON uses, so a report
 * printed on standard output stays valid JSON with the same values. Newlines and tabs are kept.
 */

// eslint-disable-next-line no-control-regex -- these are exactly the characters to escape
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(line: string): string {
  return line.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
