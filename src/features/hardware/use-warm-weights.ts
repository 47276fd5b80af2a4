import { useEffect, useSyncExternalStore } from 'react';
import type { ModelSpec, QuantSpec } from '../../domain/types';
import { cachedWeights } from '../shared/calc';
import { isCandidateQuant, quantsByBits } from './hardware-model';

interface IdleDeadlineLike {
  timeRemaining: () => number;
}

type Schedule = (cb: (d: IdleDeadlineLike) => void) => () => void;

const schedule: Schedule = (cb) => {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(cb, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(() => {
    const end = performance.now() + 8;
    cb({ timeRemaining: () => end - performance.now() });
  }, 0);
  return () => clearTimeout(id);
};

let warmVersion = 0;
const warmListeners = new Set<() => void>();

function subscribeWarm(listener: () => void): () => void {
  warmListeners.add(listener);
  return () => warmListeners.delete(listener);
}

/** A number that grows each time the warm-up finishes more models (to re-check readiness). */
export function useWarmVersion(): number {
  return useSyncExternalStore(
    subscribeWarm,
    () => warmVersion,
    () => warmVersion,
  );
}

/**
 * Computes every model's weights for every candidate quantization in idle time, one model and
 * quantization per step (a few milliseconds each), so the first full sweep after the user picks
 * a device does not pay for them (about 1.5 s for the whole catalog on a desktop CPU; cached
 * afterwards, see quantsByBits).
 */
export function useWarmWeights(models: readonly ModelSpec[], quants: readonly QuantSpec[]): void {
  useEffect(() => {
    let mi = 0;
    let qi = 0;
    let cancel: () => void = () => undefined;
    const step = (d: IdleDeadlineLike) => {
      const startModel = mi;
      const finish = () => {
        if (mi !== startModel) {
          warmVersion++;
          warmListeners.forEach((l) => l());
        }
      };
      do {
        const m = models[mi];
        if (!m) {
          finish();
          return;
        }
        const q = quants[qi++];
        if (q && isCandidateQuant(m, q)) cachedWeights(m, q.id);
        if (qi >= quants.length) {
          quantsByBits(m, quants);
          mi++;
          qi = 0;
        }
      } while (d.timeRemaining() > 2);
      finish();
      cancel = schedule(step);
    };
    cancel = schedule(step);
    return () => cancel();
  }, [models, quants]);
}
