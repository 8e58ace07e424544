/**
 * Excel on the web refuses a request or a response over 5 MB (RequestPayloadSizeLimitExceeded), and
 * Range.getMergedAreasOrNullObject fails over 512 merged areas. Work is therefore queued through a
 * Batch, which sends what is queued (context.sync) before the next piece would take a request or an
 * answer past 3 MB. The sizes are what office.js serializes for each kind of call (measured
 * with Microsoft's library in tests/office/officeJs.ts), text counted at 3 bytes a character (UTF-8 of
 * CJK): an over-estimate, so the margin only grows.
 */

/** What a batch may hold, estimated: 3 MB of the 5 MB Excel on the web takes (the estimate is within 10%). */
export const BATCH_BYTES = 3 * 1024 * 1024;

/** A merged-area read gives at most the areas whose top-left cell is in its range: one per cell. */
export const MERGED_AREAS_PER_READ = 512;

/** Request bytes of one call of each kind, as office.js serializes it (rounded up). */
export const COST = {
  /** A range by address or indexes, with one property set or one method on it. */
  range: 300,
  /** A format (fill, font) of that range, with one property set or cleared. */
  format: 400,
  /** A note added, changed or deleted (beside its text). */
  note: 300,
  /** A fill read: the range, its format.fill and the load. */
  fillRead: 700,
  /** The location of a note or a threaded comment, loaded. */
  location: 450,
  /** A merged-area read of a range. */
  mergedRead: 500,
} as const;

/** The bytes of a value in the request or the answer (JSON; text at 3 bytes a character). */
export function sizeOf(v: unknown): number {
  if (typeof v === 'string') return 3 * v.length + 2;
  if (v === null || v === undefined) return 4;
  if (typeof v === 'number' || typeof v === 'boolean') return 24;
  return 3 * JSON.stringify(v).length;
}

export class Batch {
  private request = 0;
  private response = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly limit = BATCH_BYTES,
  ) {}

  /**
   * Makes room for a call of about `request` bytes whose answer is about `response` bytes: what is
   * queued is sent first when it would not fit. A round trip per 3 MB, never per table.
   */
  async room(request: number, response = 0): Promise<void> {
    const queued = this.request > 0 || this.response > 0;
    if (queued && (this.request + request > this.limit || this.response + response > this.limit)) await this.flush();
    this.request += request;
    this.response += response;
  }

  /** Sends what is queued (one context.sync, even when nothing is). */
  async flush(): Promise<void> {
    await this.context.sync();
    this.request = 0;
    this.response = 0;
  }
}
