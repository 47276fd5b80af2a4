/**
 * Why a cross-origin fetch failed, in plain words. Browsers reject the same way (a TypeError) for a
 * Content-Security-Policy block, a CORS refusal and a network failure; this tells them apart:
 * a `securitypolicyviolation` event for the URL means the page's own policy blocked it; offline
 * means the network; otherwise a no-cors probe of the same URL that succeeds means the server
 * answered but did not let the page read the answer (CORS); if the probe fails too, the server
 * could not be reached.
 */
export async function explainFetchFailure(
  url: string,
  violations: readonly string[],
  fetchImpl: typeof fetch = fetch,
): Promise<string> {
  const origin = safeOrigin(url);
  if (violations.some((v) => v === url || (origin !== null && v.startsWith(origin)))) {
    return `This page's Content-Security-Policy blocked the request to ${origin ?? url}.`;
  }
  if (typeof navigator !== 'undefined' && navigator.onLine === false) {
    return 'You are offline: the request could not be sent.';
  }
  try {
    await fetchImpl(url, { method: 'HEAD', mode: 'no-cors', cache: 'no-store' });
    return `${origin ?? 'The server'} answered but does not allow other sites to read this file (no CORS header), so a page cannot read it. Download the file and open it instead.`;
  } catch {
    return `${origin ?? 'The server'} could not be reached (network error or wrong address).`;
  }
}

function safeOrigin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** Collects the URLs the page's CSP blocks while `job` runs (securitypolicyviolation events). */
export async function withViolations<T>(
  job: (violations: readonly string[]) => Promise<T>,
): Promise<T> {
  const violations: string[] = [];
  const onViolation = (e: SecurityPolicyViolationEvent) => violations.push(e.blockedURI);
  const doc = typeof document === 'undefined' ? null : document;
  doc?.addEventListener('securitypolicyviolation', onViolation);
  try {
    return await job(violations);
  } finally {
    doc?.removeEventListener('securitypolicyviolation', onViolation);
  }
}
