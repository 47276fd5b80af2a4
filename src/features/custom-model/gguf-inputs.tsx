import { useId, useState, type FormEvent } from 'react';

interface Props {
  busy: boolean;
  onFiles: (files: File[]) => void;
  onUrl: (url: string) => void;
}

/** A GGUF from disk (several files for a split model) or by URL (range requests). */
export function GgufInputs({ busy, onFiles, onUrl }: Props) {
  const fileId = useId();
  const urlId = useId();
  const [url, setUrl] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (url.trim()) onUrl(url);
  };
  return (
    <div className="custom-model__way">
      <label htmlFor={fileId}>GGUF file (all parts of a split model)</label>
      <input
        id={fileId}
        type="file"
        accept=".gguf"
        multiple
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])];
          if (files.length > 0) onFiles(files);
          e.currentTarget.value = '';
        }}
      />
      <form className="custom-model__row" onSubmit={submit}>
        <label htmlFor={urlId}>GGUF URL (Hugging Face or any server with range requests)</label>
        <input
          id={urlId}
          type="url"
          inputMode="url"
          placeholder="https://huggingface.co/owner/repo/resolve/main/model-Q4_K_M.gguf"
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
        />
        <button type="submit" disabled={busy || !url.trim()}>
          Read header
        </button>
      </form>
    </div>
  );
}
