import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { formatParams, formatTokens } from '../../domain/format';
import type { ModelSpec } from '../../domain/types';
import { useAppStore } from '../../state/store';
import { useCatalog } from '../shared/catalog-context';
import { useResolvedModel } from '../shared/use-calculator';
import { searchModels } from './search-models';
import './model-picker.css';

const MAX_SHOWN = 60;

function paramsText(m: ModelSpec): string {
  const total = formatParams(m.totalParams);
  return m.activeParams && m.arch.moe ? `${total} · ${formatParams(m.activeParams)} active` : total;
}

/** Searchable model combobox (WAI-ARIA 1.2 combobox with a listbox popup). */
export function ModelPicker() {
  const { models } = useCatalog();
  const { resolved } = useResolvedModel();
  const selectModel = useAppStore((s) => s.selectModel);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const inputId = useId();

  const matches = useMemo(() => searchModels(models, query), [models, query]);
  const shown = matches.slice(0, MAX_SHOWN);
  const activeIndex = Math.min(active, Math.max(0, shown.length - 1));

  const choose = (m: ModelSpec) => {
    selectModel(m);
    setOpen(false);
    setQuery('');
    setActive(0);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open) setOpen(true);
        else setActive(shown.length ? (activeIndex + 1) % shown.length : 0);
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (!open) setOpen(true);
        else setActive(shown.length ? (activeIndex - 1 + shown.length) % shown.length : 0);
        break;
      case 'Home':
        if (open) {
          e.preventDefault();
          setActive(0);
        }
        break;
      case 'End':
        if (open) {
          e.preventDefault();
          setActive(Math.max(0, shown.length - 1));
        }
        break;
      case 'Enter': {
        const m = shown[activeIndex];
        if (open && m) {
          e.preventDefault();
          choose(m);
        }
        break;
      }
      case 'Escape':
        e.preventDefault();
        if (open) setOpen(false);
        else setQuery('');
        break;
      default:
        break;
    }
  };

  const optionId = (i: number) => `${listId}-opt-${i}`;
  return (
    <div className="model-picker">
      <label htmlFor={inputId} className="model-picker__label">
        Model
      </label>
      <div className="model-picker__box">
        <input
          ref={inputRef}
          id={inputId}
          type="text"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && shown.length ? optionId(activeIndex) : undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder={`Search ${models.length} models by name, publisher or family`}
          value={open ? query : resolved.model.name}
          onFocus={() => {
            setOpen(true);
            setQuery('');
          }}
          onBlur={() => setOpen(false)}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <span className="model-picker__current muted small" aria-hidden={open}>
          {open ? '' : `${resolved.model.publisher} · ${paramsText(resolved.model)}`}
        </span>
      </div>
      <ul
        id={listId}
        role="listbox"
        aria-label="Models"
        className="model-picker__list"
        hidden={!open}
      >
        {shown.map((m, i) => (
          <li
            key={m.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === activeIndex}
            className={
              i === activeIndex ? 'model-picker__option is-active' : 'model-picker__option'
            }
            onMouseDown={(e) => e.preventDefault()}
            onMouseEnter={() => setActive(i)}
            onClick={() => choose(m)}
          >
            <span className="model-picker__name">{m.name}</span>
            <span className="model-picker__meta muted small">
              {m.publisher} · {paramsText(m)} · {formatTokens(m.maxContextTokens)} context
            </span>
          </li>
        ))}
        {shown.length === 0 && (
          <li className="model-picker__empty muted" role="presentation">
            No model matches “{query}”
          </li>
        )}
        {matches.length > shown.length && (
          <li className="model-picker__more muted small" role="presentation">
            {matches.length - shown.length} more — refine your search
          </li>
        )}
      </ul>
    </div>
  );
}
