/**
 * office.js, loaded by the pane itself rather than by a blocking <script> in the page's head: the pane's
 * frame is drawn first, and a request that hangs (a firewall that drops packets instead of refusing them)
 * ends after a timeout with the blocked message instead of a white pane.
 */
export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** How long office.js (and then Office.onReady) may take before the pane says it is blocked. */
export const OFFICE_TIMEOUT_MS = 8000;

export type OfficeLoad = 'loaded' | 'failed' | 'timeout';

function within<T>(p: Promise<T>, ms: number, late: T): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(late), ms);
    void p.then((v) => {
      clearTimeout(timer);
      resolve(v);
    });
  });
}

/** Adds office.js to the page; says whether it loaded, failed, or did not answer in time. */
export function loadOfficeJs(doc: Document, url = OFFICE_JS_URL, timeoutMs = OFFICE_TIMEOUT_MS): Promise<OfficeLoad> {
  const loaded = new Promise<OfficeLoad>((resolve) => {
    const script = doc.createElement('script');
    script.src = url;
    script.onload = () => resolve('loaded');
    script.onerror = () => resolve('failed');
    doc.head.appendChild(script);
  });
  return within(loaded, timeoutMs, 'timeout');
}

/** Office.onReady with the same patience: office.js that loads but never hears from its host is blocked too. */
export function officeReady(timeoutMs = OFFICE_TIMEOUT_MS): Promise<{ host: Office.HostType | null } | null> {
  return within(
    Office.onReady().then((info) => ({ host: info.host })),
    timeoutMs,
    null,
  );
}
