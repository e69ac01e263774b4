/** The depth the lifter aims for: the analysis judges each rep against it (AnalyzeOptions.depthTarget). */
import { useId } from 'react';
import type { DepthTarget } from '../../core/types';

const CHOICES: { value: DepthTarget; label: string }[] = [
  { value: 'above_parallel', label: 'Above parallel (half squat)' },
  { value: 'parallel', label: 'Parallel' },
  { value: 'full', label: 'Full (hips below knees)' },
];

export function DepthTargetChoice({ value, onChange, disabled = false }: { value: DepthTarget; onChange: (v: DepthTarget) => void; disabled?: boolean }) {
  const id = useId();
  return (
    <p className="depth-target-choice">
      <label htmlFor={id}>Depth you aim for </label>
      <select id={id} data-testid="depth-target" value={value} disabled={disabled} onChange={(e) => onChange(e.currentTarget.value as DepthTarget)}>
        {CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </p>
  );
}
