import { useState } from 'react';
import type { DeviceSpec } from '../../domain/types';
import { useAppStore } from '../../state/store';

interface Props {
  /** The catalog device the browser's GPU string seems to name. */
  guess: DeviceSpec;
}

/**
 * Offers the device guessed from the browser's WebGL renderer string. A guess, said as one; it is
 * applied only when the user accepts it.
 */
export function DetectionBanner({ guess }: Props) {
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (dismissed === guess.id) return null;
  return (
    <div className="hardware__banner" role="region" aria-label="Detected GPU">
      <p>
        This looks like an <strong>{guess.name}</strong> (from your browser&apos;s WebGL renderer
        string — a guess). Use it?
      </p>
      <div className="hardware__banner-actions">
        <button
          type="button"
          className="primary"
          onClick={() => useAppStore.getState().selectGpu(guess.id)}
        >
          Use it
        </button>
        <button type="button" onClick={() => setDismissed(guess.id)}>
          No thanks
        </button>
      </div>
    </div>
  );
}
