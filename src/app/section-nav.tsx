const SECTIONS = [
  { id: 'setup', label: 'Setup' },
  { id: 'memory', label: 'Memory' },
  { id: 'quants', label: 'Quantizations' },
  { id: 'devices', label: 'GPUs' },
  { id: 'run', label: 'Run it' },
  { id: 'model', label: 'Model' },
  { id: 'faq', label: 'FAQ' },
] as const;

/** Links to the sections of the calculator page, so the keyboard reaches "Run it" in a few stops. */
export function SectionNav() {
  return (
    <nav className="section-nav" aria-label="Sections">
      <ul>
        {SECTIONS.map((s) => (
          <li key={s.id}>
            <a href={`#${s.id}`}>{s.label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
