/**
 * A folded part of the report (details/summary): closed at first, so the verdict comes first and
 * the page stays short. Heavy content (charts, which measure their width when built, and the
 * review's two videos) is only built once opened.
 */
import { useEffect, useState, type ReactNode } from 'react';

export interface FoldProps {
  /** data-fold id, also the heading's id stem. */
  id: string;
  title: string;
  /** A few words after the title, e.g. "5 reps, 2 with flags". */
  hint?: string;
  children: () => ReactNode;
  defaultOpen?: boolean;
  /** Build the content only once opened (charts, the review); otherwise it is built at once, hidden while closed. */
  lazy?: boolean;
  className?: string;
  testId?: string;
}

export function Fold({ id, title, hint, children, defaultOpen = false, lazy = false, className, testId }: FoldProps) {
  const [open, setOpen] = useState(defaultOpen);
  // On paper every fold is open.
  useEffect(() => {
    const openForPrint = () => setOpen(true);
    window.addEventListener('beforeprint', openForPrint);
    return () => window.removeEventListener('beforeprint', openForPrint);
  }, []);
  return (
    <details className={`report-fold ${className ?? ''}`} data-fold={id} open={open} onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}>
      <summary data-testid={testId}>
        <h2 id={`${id}-heading`} className="fold-title">
          {title}
        </h2>
        {hint && <span className="fold-hint muted small">{hint}</span>}
      </summary>
      <div className="fold-body" role="region" aria-labelledby={`${id}-heading`}>
        {open || !lazy ? children() : null}
      </div>
    </details>
  );
}
