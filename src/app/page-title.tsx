import { useEffect } from 'react';
import { useSelected } from '../results/results-provider';
import { useAppStore } from '../state/store';

const SITE = 'LLM VRAM Calculator';

/**
 * Names what the page shows in the tab, bookmarks and history (the share URL contract): the model
 * on the calculator, the device in the hardware view. Renders nothing.
 */
export function PageTitle() {
  const { resolved } = useSelected();
  const view = useAppStore((s) => s.view);
  const title =
    view === 'hardware'
      ? resolved.device
        ? `What can the ${resolved.device.name} run? — ${SITE}`
        : `What can my GPU run? — ${SITE}`
      : `${resolved.model.name}: VRAM, quantization and GPU requirements — ${SITE}`;
  useEffect(() => {
    document.title = title;
  }, [title]);
  return null;
}
