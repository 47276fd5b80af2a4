import type { Verdict } from '../../domain/fit';

/** Verdict words shown to the user (thresholds: src/domain/fit.ts GREAT_MAX_FRACTION). */
export const VERDICT_LABEL: Record<Verdict, string> = {
  great: 'Runs great',
  tight: 'Tight',
  no: "Won't fit",
};
