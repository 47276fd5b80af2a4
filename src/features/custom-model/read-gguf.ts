import { gguf } from '@huggingface/gguf';
import { blobBytes } from './blob-bytes';
import { explainFetchFailure, withViolations } from './fetch-failure';
import { ggufModel, type GgufHeader, type GgufModel } from '../../domain/gguf-model';

/**
 * Reads only the header (metadata + tensor table) of GGUF files, never the tensor data:
 * `@huggingface/gguf` asks for 2 MB ranges until the tensor table is complete. Local files are
 * served from `Blob.slice`; URLs with HTTP range requests. Every failure becomes a
 * {@link GgufReadError} with a message for people, and nothing waits forever (timeouts).
 */

export class GgufReadError extends Error {
  override name = 'GgufReadError';
}

/** Anything with a size whose bytes can be sliced (a File, or a test double). */
export interface ByteSource {
  name: string;
  size: number;
  slice(start: number, end: number): Blob | { arrayBuffer(): Promise<ArrayBuffer> };
}

export interface ReadOptions {
  signal?: AbortSignal;
  /** Bytes read so far (all files together). */
  onProgress?: (bytesRead: number) => void;
  /** Per request, ms (default 20 s). */
  timeoutMs?: number;
  /** fetch for URLs (default: the global one). */
  fetchImpl?: typeof fetch;
}

const DEFAULT_TIMEOUT_MS = 20_000;

function rangeOf(init: RequestInit | undefined): [number, number] {
  const headers = new Headers(init?.headers);
  const m = /bytes=(\d+)-(\d+)/.exec(headers.get('range') ?? '');
  if (!m) throw new GgufReadError('Internal error: the reader asked for no range.');
  return [Number(m[1]), Number(m[2])];
}

function partial(bytes: ArrayBuffer, start: number, total: number | undefined): Response {
  const end = start + Math.max(0, bytes.byteLength - 1);
  const headers =
    total === undefined ? undefined : { 'content-range': `bytes ${start}-${end}/${total}` };
  return new Response(bytes, { status: 206, headers });
}

/** Library errors → plain words. */
function explain(e: unknown, what: string): Error {
  if (e instanceof GgufReadError || (e instanceof Error && e.name === 'AbortError'))
    return e as Error;
  const msg = e instanceof Error ? e.message : String(e);
  if (/magic number/i.test(msg)) {
    return new GgufReadError(`${what} is not a GGUF file (it does not start with "GGUF").`);
  }
  if (/unsupported version/i.test(msg)) {
    return new GgufReadError(`${what} uses a GGUF version this reader does not support (${msg}).`);
  }
  if (e instanceof RangeError || /outside the bounds|chunk fetches|out of bounds/i.test(msg)) {
    return new GgufReadError(
      `${what} is truncated: its header ends before the tensor table is complete.`,
    );
  }
  return new GgufReadError(`Could not read the GGUF header of ${what}: ${msg}`);
}

interface Counter {
  bytes: number;
  onProgress?: (n: number) => void;
}

function count(counter: Counter, n: number): void {
  counter.bytes += n;
  counter.onProgress?.(counter.bytes);
}

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DOMException('Reading was stopped.', 'AbortError');
}

async function headerOf(
  uri: string,
  fetchImpl: typeof fetch,
  what: string,
  sizeOf: () => number | undefined,
): Promise<GgufHeader> {
  try {
    const out = await gguf(uri, { fetch: fetchImpl });
    const fileSize = sizeOf();
    if (fileSize !== undefined && fileSize < Number(out.tensorDataOffset)) {
      throw new GgufReadError(
        `${what} is truncated: its header needs ${Number(out.tensorDataOffset)} bytes but the file has ${fileSize}.`,
      );
    }
    return {
      metadata: out.metadata as unknown as Record<string, unknown>,
      tensorInfos: out.tensorInfos,
      tensorDataOffset: out.tensorDataOffset,
      ...(fileSize !== undefined ? { fileSize } : {}),
    };
  } catch (e) {
    throw explain(e, what);
  }
}

/** Reads the header of a local file (or any ByteSource). */
export async function readFileHeader(
  file: ByteSource,
  opts: ReadOptions = {},
  counter: Counter = { bytes: 0, onProgress: opts.onProgress },
): Promise<GgufHeader> {
  const serve: typeof fetch = async (_input, init) => {
    checkAborted(opts.signal);
    const [start, end] = rangeOf(init);
    const from = Math.min(start, file.size);
    const buf = await blobBytes(file.slice(from, Math.min(end + 1, file.size)));
    count(counter, buf.byteLength);
    return partial(buf, from, file.size);
  };
  const what = `"${file.name}"`;
  if (file.size < 8)
    throw new GgufReadError(`${what} is not a GGUF file (it is only ${file.size} bytes).`);
  return headerOf('https://local.invalid/file.gguf', serve, what, () => file.size);
}

/** Reads the header of a GGUF at an HTTPS URL with range requests. */
export async function readUrlHeader(
  url: string,
  opts: ReadOptions = {},
  counter: Counter = { bytes: 0, onProgress: opts.onProgress },
): Promise<GgufHeader> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new GgufReadError('That is not a URL. Paste a link to a .gguf file.');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new GgufReadError('Only http(s) URLs can be read.');
  }
  // A Hugging Face page link (/blob/) → the file itself (/resolve/).
  if (parsed.hostname === 'huggingface.co')
    parsed.pathname = parsed.pathname.replace('/blob/', '/resolve/');
  const realFetch = opts.fetchImpl ?? fetch;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let total: number | undefined;
  const ranged: typeof fetch = async (input, init) => {
    checkAborted(opts.signal);
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    const [start] = rangeOf(init);
    const res = await withViolations(async (violations) => {
      try {
        return await realFetch(input, { ...init, signal });
      } catch {
        checkAborted(opts.signal);
        if (timeout.aborted) {
          throw new GgufReadError(`The server did not answer within ${timeoutMs / 1000} s.`);
        }
        throw new GgufReadError(
          await explainFetchFailure(parsed.toString(), violations, realFetch),
        );
      }
    });
    if (res.status === 416) return partial(new ArrayBuffer(0), start, total);
    if (res.status === 200) {
      void res.body?.cancel();
      throw new GgufReadError(
        'The server does not support range requests (it sent the whole file), so the header cannot be read on its own. Download the file and open it instead.',
      );
    }
    if (res.status === 401 || res.status === 403) {
      throw new GgufReadError(
        `The server refused access (HTTP ${res.status}): the file may be private or gated.`,
      );
    }
    if (res.status === 404) throw new GgufReadError('No file at that URL (HTTP 404).');
    if (res.status !== 206) throw new GgufReadError(`The server answered HTTP ${res.status}.`);
    const m = /\/\s*(\d+)\s*$/.exec(res.headers.get('content-range') ?? '');
    if (m) total = Number(m[1]);
    let buf: ArrayBuffer;
    try {
      buf = await res.arrayBuffer();
    } catch (e) {
      checkAborted(opts.signal);
      if (timeout.aborted)
        throw new GgufReadError(`The download stalled for ${timeoutMs / 1000} s.`);
      throw new GgufReadError(`The download failed: ${(e as Error).message}`);
    }
    count(counter, buf.byteLength);
    return partial(buf, start, total);
  };
  return headerOf(parsed.toString(), ranged, `The file at ${parsed.hostname}`, () => total);
}

/** Reads every given file (all shards of a split model) and builds the model. */
export async function readGgufFiles(
  files: readonly ByteSource[],
  opts: ReadOptions = {},
): Promise<GgufModel> {
  if (files.length === 0) throw new GgufReadError('Choose a .gguf file.');
  const counter: Counter = { bytes: 0, onProgress: opts.onProgress };
  const sorted = [...files].sort((a, b) => a.name.localeCompare(b.name));
  const headers: GgufHeader[] = [];
  for (const f of sorted) headers.push(await readFileHeader(f, opts, counter));
  return ggufModel(headers);
}

/** Reads a GGUF by URL and builds the model. */
export async function readGgufUrl(url: string, opts: ReadOptions = {}): Promise<GgufModel> {
  return ggufModel([await readUrlHeader(url.trim(), opts)]);
}
