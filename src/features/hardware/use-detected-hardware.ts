import { useEffect, useState } from 'react';
import { detectHardware, type DetectedHardware } from './detect-hardware';

/**
 * What the browser reports about the GPU and memory, read once after the first paint (null until
 * then, and whenever detection finds nothing). Never blocks rendering.
 */
export function useDetectedHardware(): DetectedHardware | null {
  const [detected, setDetected] = useState<DetectedHardware | null>(null);
  useEffect(() => {
    let live = true;
    detectHardware()
      .then((d) => {
        if (live) setDetected(d);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return detected;
}
