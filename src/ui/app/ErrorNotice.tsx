/** What went wrong and what to do about it; the rest of the app stays usable. */
import { useEffect, useRef } from 'react';

export interface Problem {
  title: string;
  message: string;
  hint: string;
  code: string;
}

export function ErrorNotice({ problem, onDismiss }: { problem: Problem; onDismiss: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [problem]);
  return (
    <div ref={ref} tabIndex={-1} className="notice error" role="alert" data-testid="analysis-error" data-code={problem.code}>
      <div>
        <h2 className="notice-title">{problem.title}</h2>
        <p>{problem.message}</p>
        <p className="hint">
          <strong>What to do:</strong> {problem.hint}
        </p>
      </div>
      <button type="button" className="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
