import { useId, useState } from 'react';

interface Props {
  busy: boolean;
  onApply: (text: string) => void;
  onFetch: (repo: string, onText: (text: string) => void) => void;
}

/** A pasted config.json, or one fetched from the Hugging Face hub on request. */
export function ConfigInput({ busy, onApply, onFetch }: Props) {
  const textId = useId();
  const repoId = useId();
  const [text, setText] = useState('');
  const [repo, setRepo] = useState('');
  return (
    <div className="custom-model__way">
      <label htmlFor={textId}>Paste a config.json (combined with any quantization below)</label>
      <textarea
        id={textId}
        rows={6}
        spellCheck={false}
        value={text}
        placeholder='{"model_type": "llama", "hidden_size": 4096, ...}'
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <button
        type="button"
        className="primary"
        disabled={!text.trim()}
        onClick={() => onApply(text)}
      >
        Use config
      </button>
      <div className="custom-model__row">
        <label htmlFor={repoId}>or a Hugging Face repo id</label>
        <input
          id={repoId}
          type="text"
          placeholder="Qwen/Qwen3-8B"
          value={repo}
          onChange={(e) => setRepo(e.currentTarget.value)}
        />
        <button
          type="button"
          disabled={busy || !repo.trim()}
          onClick={() => onFetch(repo, setText)}
        >
          Fetch config from Hugging Face
        </button>
      </div>
    </div>
  );
}
