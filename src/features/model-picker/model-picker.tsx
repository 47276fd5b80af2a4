import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { formatParams, formatTokens } from '../../domain/format';
import type { ModelSpec } from '../../domain/types';
import { useAppStore } from '../../state/store';
import { useCatalog } from '../shared/catalog-context';
import { useResolvedModel } from '../shared/use-calculator';
import { nextActive } from './next-active';
import { searchModels } from './search-models';
import './model-picker.css';

const MAX_SHOWN = 60;

/** "8.03B", or "671B · A37B" for a mixture of experts with a published active count. */
function paramsText(m: ModelSpec): string {
  const total = formatParams(m.totalParams);
  return m.activeParams !== null && m.arch.moe
    ? `${total} · A${formatParams(m.activeParams)}`
    : total;
}

/** Searchable model combobox (WAI-ARIA 1.2 combobox with a listbox popup). */
export function ModelPicker() {
  const { models } = useCatalog();
  const { resolved } = useResolvedModel();
  const selectModel = useAppStore((s) => s.selectModel);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  /** Index of the active option among those shown; -1 while none is. */
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const inputId = useId();

  const matches = useMemo(() => searchModels(models, query), [models, query]);
  const shown = matches.slice(0, MAX_SHOWN);
  const activeIndex = active < shown.length ? active : -1;
  const optionId = (i: number) => `${listId}-opt-${i}`;

  useEffect(() => {
    if (!open || activeIndex < 0) return;
    // Keep the active option visible in the scrolling list (jsdom has no scrollIntoView).
    document.getElementById(`${listId}-opt-${activeIndex}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [open, activeIndex, listId]);

  const choose = (m: ModelSpec) => {
    selectModel(m);
    setOpen(false);
    setQuery('');
    setActive(-1);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        e.preventDefault();
        if (!open) setOpen(true);
        else setActive(nextActive(e.key, activeIndex, shown.length));
        break;
      case 'Home':
      case 'End':
        if (open && shown.length > 0) {
          e.preventDefault();
          setActive(nextActive(e.key, activeIndex, shown.length));
        }
        break;
      case 'Enter': {
        // With no active option, Enter takes the best match of what was typed.
        const m = shown[activeIndex < 0 && query.trim() !== '' ? 0 : activeIndex];
        if (open && m) {
          e.preventDefault();
          choose(m);
        }
        break;
      }
      case 'Escape':
        // First Escape closes the list and keeps what was typed; a second one clears it.
        e.preventDefault();
        if (open) setOpen(false);
        else if (query !== '') {
          setQuery('');
          setActive(-1);
          requestAnimationFrame(() => inputRef.current?.select());
        }
        break;
      default:
        break;
    }
  };

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
          aria-activedescendant={open && activeIndex >= 0 ? optionId(activeIndex) : undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder={`Search ${models.length} models by name, publisher or family`}
          value={open || query !== '' ? query : resolved.model.name}
          onFocus={() => {
            setOpen(true);
            setQuery('');
            setActive(-1);
          }}
          onClick={() => setOpen(true)}
          onBlur={() => {
            setOpen(false);
            setQuery('');
          }}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
        />
        <span className="model-picker__current muted small" aria-hidden={open}>
          {open ? '' : `${resolved.model.publisher} · ${paramsText(resolved.model)}`}
        </span>
      </div>
      <div className="model-picker__popup" hidden={!open}>
        <ul id={listId} role="listbox" aria-label="Models" className="model-picker__list">
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
        </ul>
        <p className="model-picker__status muted small" role="status">
          {open && shown.length === 0 ? `No model matches “${query}”` : ''}
          {open && matches.length > shown.length
            ? `${matches.length - shown.length} more — refine your search`
            : ''}
        </p>
      </div>
    </div>
  );
}
