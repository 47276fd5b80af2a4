import { fileQuantOf } from '../../domain/arch-codec';
import { useAppStore } from '../../state/store';
import { useSelected } from '../../results/results-provider';
import './custom-model.css';

/** Marks a custom model as such, with the way back to the catalog. Renders nothing otherwise. */
export function CustomModelBanner() {
  const custom = useAppStore((s) => s.custom);
  const clear = useAppStore((s) => s.clearCustomModel);
  const { resolved } = useSelected();
  if (!custom || !resolved.model.id.startsWith('custom/')) return null;
  const file = fileQuantOf(resolved.model);
  return (
    <div className="card custom-model__banner">
      <span className="badge">Custom model</span>
      <span className="custom-model__name">
        {resolved.model.name}
        <span className="muted small">
          {' '}
          · {file ? `read from a GGUF header (${file.label})` : 'read from a config.json'}
        </span>
      </span>
      <button type="button" onClick={clear}>
        Back to catalog
      </button>
    </div>
  );
}
