import { useState, type DragEvent } from 'react';
import { ConfigInput } from './config-input';
import { GgufInputs } from './gguf-inputs';
import { LoaderStatus } from './loader-status';
import { useCustomLoader } from './use-custom-loader';
import './custom-model.css';

/**
 * "Bring your own model": a GGUF file (picked or dropped), a GGUF URL, or a config.json. Only
 * GGUF headers are read, in the browser; nothing is uploaded.
 */
export function CustomModelCard() {
  const loader = useCustomLoader();
  const [dragging, setDragging] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const files = [...e.dataTransfer.files];
    if (files.length > 0) void loader.loadFiles(files);
  };
  const busy = loader.state.busy !== null;
  return (
    <details
      className={`card custom-model${dragging ? ' custom-model--drop' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <summary>
        <strong>Bring your own model</strong>{' '}
        <span className="muted small">a GGUF file or URL, or a config.json</span>
      </summary>
      <p className="small muted">
        Nothing is uploaded: files are read in your browser, only the header. Drop a .gguf or
        config.json anywhere on this card.
      </p>
      <div className="custom-model__ways">
        <GgufInputs
          busy={busy}
          onFiles={(f) => void loader.loadFiles(f)}
          onUrl={(u) => void loader.loadUrl(u)}
        />
        <ConfigInput
          busy={busy}
          onApply={(t) => void loader.applyConfig(t)}
          onFetch={(r, onText) => void loader.fetchConfig(r, onText)}
        />
      </div>
      <LoaderStatus state={loader.state} onStop={loader.stop} />
    </details>
  );
}
