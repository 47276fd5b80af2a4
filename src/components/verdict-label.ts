import type { DeviceStanding } from '../domain/device-fit';
import type { AnswerVerdict } from '../domain/fit';

/**
 * The one verdict vocabulary of the page, in the answer, the device list and the hardware view
 * (thresholds: src/domain/fit.ts GREAT_MAX_FRACTION; offload speed floor: offload.ts).
 */
export const VERDICT_LABEL: Record<AnswerVerdict | DeviceStanding, string> = {
  great: 'Runs great',
  tight: 'Tight fit',
  offload: 'Runs with offload',
  several: 'Needs several',
  no: "Won't run",
  none: 'Pick a device',
};

/** Short explanation of each verdict, for tooltips and the legend. */
export const VERDICT_HINT: Record<AnswerVerdict | DeviceStanding, string> = {
  great: 'Uses at most 90% of the memory the GPU may use: room for longer prompts and other apps.',
  tight: 'Fits, using 90-100% of the usable memory: other apps or a longer prompt can push it out.',
  offload:
    'Does not fit the GPU memory; runs with part of the model in system RAM, slower, at 5 tokens/s or more.',
  several: 'One is not enough; several split the model by layers.',
  no: 'Does not fit, not even with offload at a usable speed.',
  none: 'Choose your GPU or computer to see if it runs.',
};
