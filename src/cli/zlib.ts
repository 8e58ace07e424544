/** Node's native zlib for the package reader and writer: streamed inflate, one-shot deflate. */
import zlib from 'node:zlib';
import type { Crc32, DeflateRaw, InflateRaw } from '../xlsx/package/zip';
import type { XlsxOptions } from '../xlsx/workbook';

/** Parts up to this size are inflated at once (faster); larger ones are streamed (memory stays bounded). */
const AT_ONCE = 8 << 20;

export const nodeInflateRaw: InflateRaw = (data, onChunk, size) => {
  if (size <= AT_ONCE) {
    try {
      const out = zlib.inflateRawSync(data, { maxOutputLength: AT_ONCE + 1 });
      onChunk(new Uint8Array(out.buffer, out.byteOffset, out.length));
      return Promise.resolve();
    } catch (e) {
      // A part larger than it says is streamed instead, and held to the limits there.
      if (!(e instanceof RangeError) && (e as { code?: string }).code !== 'ERR_BUFFER_TOO_LARGE') return Promise.reject(e);
    }
  }
  return streamed(data, onChunk);
};

const streamed = (data: Uint8Array, onChunk: (chunk: Uint8Array) => void): Promise<void> =>
  new Promise((resolve, reject) => {
    const inflater = zlib.createInflateRaw({ chunkSize: 1 << 16 });
    inflater.on('data', (chunk: Buffer) => {
      try {
        onChunk(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
      } catch (e) {
        inflater.destroy();
        reject(e);
      }
    });
    inflater.on('error', reject);
    inflater.on('end', () => resolve());
    inflater.end(data);
  });

export const nodeDeflateRaw: DeflateRaw = (data) => new Uint8Array(zlib.deflateRawSync(data, { level: 6 }));

export const nodeCrc32: Crc32 = (data, previous) => zlib.crc32(data, previous);

export const NODE_XLSX: XlsxOptions = { inflate: nodeInflateRaw, deflate: nodeDeflateRaw, crc32: nodeCrc32 };
