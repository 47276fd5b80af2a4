import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { nextActive } from './next-active';
import './search-combobox.css';

const MAX_SHOWN = 60;

interface Props<T> {
  label: string;
  /** Shown in the box while it is closed. */
  currentText: string;
  /** Shown beside the box while it is closed (publisher, memory...). */
  currentMeta?: ReactNode;
  placeholder: string;
  /** Matches for a query, best first (an empty query lists everything). */
  search: (query: string) => readonly T[];
  keyOf: (item: T) => string;
  renderOption: (item: T) => ReactNode;
  onChoose: (item: T) => void;
  /** What the list is called for screen readers, e.g. "Models". */
  listLabel: string;
  /** Names what no match was found for, e.g. "model". */
  noun: string;
  inputId?: string;
}

/**
 * A searchable picker: a text box with a popup list (WAI-ARIA 1.2 combobox with a listbox popup).
 * Arrows, Home and End move through the matches, Enter takes the active one (or the best match of
 * what was typed), Escape closes the list and a second Escape clears the text.
 */
export function SearchCombobox<T>({
  label,
  currentText,
  currentMeta,
  placeholder,
  search,
  keyOf,
  renderOption,
  onChoose,
  listLabel,
  noun,
  inputId,
}: Props<T>) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  /** Index of the active option among those shown; -1 while none is. */
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const ownId = useId();
  const id = inputId ?? ownId;

  const matches = open ? search(query) : [];
  const shown = matches.slice(0, MAX_SHOWN);
  const activeIndex = active < shown.length ? active : -1;
  const optionId = (i: number) => `${listId}-opt-${i}`;

  useEffect(() => {
    if (!open || activeIndex < 0) return;
    // Keep the active option visible in the scrolling list (jsdom has no scrollIntoView).
    document.getElementById(`${listId}-opt-${activeIndex}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [open, activeIndex, listId]);

  const choose = (item: T) => {
    onChoose(item);
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
        const item = shown[activeIndex < 0 && query.trim() !== '' ? 0 : activeIndex];
        if (open && item !== undefined) {
          e.preventDefault();
          choose(item);
        }
        break;
      }
      case 'Escape':
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
    <div className="combo">
      <label htmlFor={id} className="combo__label">
        {label}
      </label>
      <div className="combo__box">
        <input
          ref={inputRef}
          id={id}
          type="text"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && activeIndex >= 0 ? optionId(activeIndex) : undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder}
          value={open || query !== '' ? query : currentText}
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
        {currentMeta !== undefined && !open && (
          <span className="combo__current muted small">{currentMeta}</span>
        )}
      </div>
      <div className="combo__popup" hidden={!open}>
        <ul id={listId} role="listbox" aria-label={listLabel} className="combo__list">
          {shown.map((item, i) => (
            <li
              key={keyOf(item)}
              id={optionId(i)}
              role="option"
              aria-selected={i === activeIndex}
              className={i === activeIndex ? 'combo__option is-active' : 'combo__option'}
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => choose(item)}
            >
              {renderOption(item)}
            </li>
          ))}
        </ul>
        <p className="combo__status muted small" role="status">
          {open && shown.length === 0 ? `No ${noun} matches “${query}”` : ''}
          {open && matches.length > shown.length
            ? `${matches.length - shown.length} more — refine your search`
            : ''}
        </p>
      </div>
    </div>
  );
}
