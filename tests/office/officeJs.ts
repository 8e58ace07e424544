/**
 * Microsoft's own office.js client library (the `@microsoft/office-js` package, the Excel on the web
 * build) loaded in Node, with its request executor replaced: every batch the host builds is serialized
 * by the library itself into the JSON it would send to Excel, and that JSON is measured. Nothing is sent
 * anywhere. The library is loaded once per test file (a vm context with the few browser globals its
 * start-up touches).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';

/** Excel on the web refuses a request or a response over 5 MB ("RequestPayloadSizeLimitExceeded"). */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

interface OfficeJsGlobals {
  Excel: { RequestContext: new () => RealContext };
  OfficeExtension: { ClientRequestBase: { prototype: { invalidatePendingInvalidObjectPaths: () => void } } };
}

/** The part of office.js's request context this harness touches. */
export interface RealContext {
  readonly workbook: object;
  sync(): PromiseLike<unknown>;
  _requestExecutor: { executeAsync(customData: unknown, flags: number, message: { Body: unknown }): Promise<unknown> };
}

let loaded: OfficeJsGlobals | undefined;

function browserGlobals(): Record<string, unknown> {
  const noop = (): void => undefined;
  const element = (): Record<string, unknown> => ({ setAttribute: noop, appendChild: noop, style: {}, addEventListener: noop, getElementsByTagName: () => [] });
  const storage = { getItem: () => null, setItem: noop, removeItem: noop };
  const win: Record<string, unknown> = {
    addEventListener: noop,
    removeEventListener: noop,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    console,
    navigator: { userAgent: 'node', language: 'zh-CN' },
    location: { href: 'https://localhost/', search: '', hash: '', protocol: 'https:', host: 'localhost', hostname: 'localhost' },
    document: { readyState: 'complete', addEventListener: noop, createElement: element, getElementsByTagName: () => [], head: element(), body: element(), documentElement: element(), cookie: '' },
    localStorage: storage,
    sessionStorage: storage,
  };
  win.window = win;
  win.self = win;
  win.top = win;
  win.parent = win;
  return win;
}

export function officeJs(): OfficeJsGlobals {
  if (loaded) return loaded;
  const file = createRequire(import.meta.url).resolve('@microsoft/office-js/dist/excel-web-16.00.debug.js');
  const sandbox = browserGlobals();
  vm.runInContext(readFileSync(file, 'utf8'), vm.createContext(sandbox), { filename: 'excel-web-16.00.debug.js' });
  loaded = sandbox as unknown as OfficeJsGlobals;
  // Excel's answer would make the objects of a batch (a used range, a *OrNullObject) valid again in the
  // next one, by their reference ids; the answer here is empty, so they are simply kept valid.
  loaded.OfficeExtension.ClientRequestBase.prototype.invalidatePendingInvalidObjectPaths = () => undefined;
  return loaded;
}

/**
 * A request context of the real library whose batches are measured, not sent: `onRequest` gets the
 * byte length of each request body as office.js serialized it (UTF-8 JSON), and the answer is empty.
 */
export function measuringContext(onRequest: (bytes: number) => void): RealContext {
  const context = new (officeJs().Excel.RequestContext)();
  context._requestExecutor = {
    executeAsync: async (_customData, _flags, message) => {
      onRequest(Buffer.byteLength(JSON.stringify(message.Body), 'utf8'));
      return { HttpStatusCode: 200, ErrorCode: null, ErrorMessage: null, Headers: {}, Body: { Results: [] } };
    },
  };
  return context;
}
