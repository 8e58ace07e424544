/** The Excel host and the user's storage as Office gives them (shared by the pane and the ribbon command). */
import { ExcelHost } from './excelHost';
import type { HostEngine } from '../core/annotate/run';

/** `engine`: where the checks run (the pane gives a Web Worker; the ribbon command its own thread). */
export function excelHostFromOffice(engine?: HostEngine): ExcelHost {
  return new ExcelHost({ run: (batch) => Excel.run(batch), supports: (v) => Office.context.requirements.isSetSupported('ExcelApi', v), engine });
}

/** localStorage, where the browser allows it (settings then last for the session only). */
export function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
