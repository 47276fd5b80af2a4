import { useCallback, useEffect, useRef, useState } from 'react';
import { parseConfigJson } from '../../domain/config-json';
import { applyConfigModel, applyGgufModel, baseName } from './apply-custom';
import { fetchHubConfig } from './fetch-config';
import { blobBytes } from './blob-bytes';

export interface LoaderState {
  /** What is being read, or null when idle. */
  busy: string | null;
  bytesRead: number;
  error: string | null;
  /** Last success, for the status line. */
  done: string | null;
}

const IDLE: LoaderState = { busy: null, bytesRead: 0, error: null, done: null };

function message(e: unknown): string {
  if (e instanceof Error && e.name === 'AbortError') return 'Stopped.';
  return e instanceof Error ? e.message : String(e);
}

/** Reads GGUF files, a GGUF URL or a config.json and shows the model; one job at a time. */
export function useCustomLoader() {
  const [state, setState] = useState<LoaderState>(IDLE);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(async (label: string, job: (signal: AbortSignal) => Promise<string>) => {
    controller.current?.abort();
    const ctl = new AbortController();
    controller.current = ctl;
    setState({ ...IDLE, busy: label });
    try {
      const done = await job(ctl.signal);
      if (controller.current === ctl) setState({ ...IDLE, done });
    } catch (e) {
      if (controller.current === ctl) setState({ ...IDLE, error: message(e) });
    }
  }, []);

  const progress = (n: number) => setState((s) => ({ ...s, bytesRead: n }));

  const loadFiles = useCallback(
    (files: readonly File[]) => {
      const configs = files.filter((f) => /\.json$/i.test(f.name));
      if (configs.length > 0 && configs[0]) {
        const f = configs[0];
        return run(`Reading ${f.name}`, async () => {
          const m = parseConfigJson(new TextDecoder().decode(await blobBytes(f)));
          applyConfigModel(m, f.name);
          return `Read ${f.name}.`;
        });
      }
      const first = files[0];
      if (!first) return Promise.resolve();
      return run(`Reading the header of ${first.name}`, async (signal) => {
        const { readGgufFiles } = await import('./read-gguf');
        const m = await readGgufFiles(files, { signal, onProgress: progress });
        applyGgufModel(m, baseName(first.name));
        return `Read the header of ${files.length === 1 ? first.name : `${files.length} files`}.`;
      });
    },
    [run],
  );

  const loadUrl = useCallback(
    (url: string) =>
      run('Reading the header over the network', async (signal) => {
        const { readGgufUrl } = await import('./read-gguf');
        const m = await readGgufUrl(url, { signal, onProgress: progress });
        const file = decodeURIComponent(url.split(/[?#]/)[0]?.split('/').pop() ?? 'model.gguf');
        applyGgufModel(m, baseName(file), url.trim());
        return `Read the header of ${file}.`;
      }),
    [run],
  );

  const applyConfig = useCallback(
    (text: string, name = 'Custom model (config.json)', sourceUrl?: string) =>
      run('Reading config.json', async () => {
        applyConfigModel(parseConfigJson(text), name, sourceUrl);
        return 'Applied config.json.';
      }),
    [run],
  );

  const fetchConfig = useCallback(
    (repo: string, onText: (text: string) => void) =>
      run(`Fetching config.json of ${repo}`, async (signal) => {
        const text = await fetchHubConfig(repo, signal);
        onText(text);
        const id = repo.trim();
        applyConfigModel(parseConfigJson(text), id, `https://huggingface.co/${id}`);
        return `Fetched config.json of ${id}.`;
      }),
    [run],
  );

  const stop = useCallback(() => controller.current?.abort(), []);

  return { state, loadFiles, loadUrl, applyConfig, fetchConfig, stop };
}
