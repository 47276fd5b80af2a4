import { explainFetchFailure, withViolations } from './fetch-failure';

/** Hugging Face repo id: owner/name. */
export const REPO_ID_RE = /^[\w.-]+\/[\w.-]+$/;

/**
 * Fetches `config.json` of a Hugging Face repo (only when the user asks). Gated and private
 * repos need a login the page does not have; say so.
 */
export async function fetchHubConfig(
  repo: string,
  signal?: AbortSignal,
  fetchImpl: typeof fetch = fetch,
): Promise<string> {
  const id = repo
    .trim()
    .replace(/^https:\/\/huggingface\.co\//, '')
    .replace(/\/+$/, '');
  if (!REPO_ID_RE.test(id)) throw new Error('Expected a repo id like owner/name.');
  const timeout = AbortSignal.timeout(15_000);
  const url = `https://huggingface.co/${id}/resolve/main/config.json`;
  const res = await withViolations(async (violations) => {
    try {
      return await fetchImpl(url, {
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (e) {
      if (signal?.aborted) throw e;
      if (timeout.aborted) throw new Error('Hugging Face did not answer within 15 s.');
      throw new Error(await explainFetchFailure(url, violations, fetchImpl));
    }
  });
  if (res.status === 401 || res.status === 403) {
    throw new Error(
      `${id} is gated or private: open its config.json on the hub and paste it here.`,
    );
  }
  if (res.status === 404) throw new Error(`${id} has no config.json (or does not exist).`);
  if (!res.ok) throw new Error(`Hugging Face answered HTTP ${res.status}.`);
  return res.text();
}
