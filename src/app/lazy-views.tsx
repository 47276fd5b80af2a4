import { lazy, Suspense } from 'react';

const HardwareViewChunk = lazy(() =>
  import('../features/hardware/hardware-view').then((m) => ({ default: m.HardwareView })),
);
const CustomModelCardChunk = lazy(() =>
  import('../features/custom-model/custom-model-card').then((m) => ({
    default: m.CustomModelCard,
  })),
);

/** The hardware view, loaded when first shown (it is not part of the first view). */
export function LazyHardwareView() {
  return (
    <Suspense
      fallback={
        <p className="card muted" role="status">
          Loading the hardware view…
        </p>
      }
    >
      <HardwareViewChunk />
    </Suspense>
  );
}

/** The bring-your-own-model card, loaded after the first view. */
export function LazyCustomModelCard() {
  return (
    <Suspense fallback={null}>
      <CustomModelCardChunk />
    </Suspense>
  );
}
