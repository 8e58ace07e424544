// The one function the manifest test uses (xml2js ships no types).
declare module 'xml2js' {
  export function parseStringPromise(xml: string, options?: Record<string, unknown>): Promise<unknown>;
}
