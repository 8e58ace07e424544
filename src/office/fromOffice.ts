/** The Excel host and the user's storage as Office gives them (shared by the pane and the ribbon command). */
import { ExcelHost } from './excelHost';

export function excelHostFromOffice(): ExcelHost {
  const supports = (v: string) => Office.context.requirements.isSetSupported('ExcelApi', v);
  return new ExcelHost({ run: (batch) => Excel.run(batch), notesSupported: supports('1.18'), mergesSupported: supports('1.13') });
}

/** localStorage, where the browser allows it (settings then last for the session only). */
export function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
