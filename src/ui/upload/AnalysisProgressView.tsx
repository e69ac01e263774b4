/** Progress of one analysis: bar with frames done / total, frames per second, time left, cancel. */
import type { AnalysisProgress } from '../../pipeline/analyze_video';
import { formatSecondsLeft } from '../../pipeline/progress';

const PHASE_TEXT: Record<AnalysisProgress['phase'], string> = {
  probing: 'Reading the video…',
  'loading-model': 'Loading the pose model…',
  analysing: 'Finding the body in every frame…',
  paused: 'Paused by the browser while this tab is in the background. It resumes when you come back.',
  'analysing-movement': 'Measuring the reps…',
  done: 'Done.',
};

export interface AnalysisProgressViewProps {
  name: string;
  progress: AnalysisProgress | null;
  onCancel: () => void;
}

export function AnalysisProgressView({ name, progress, onCancel }: AnalysisProgressViewProps) {
  const phase = progress?.phase ?? 'probing';
  const total = progress?.framesTotal ?? 0;
  const done = progress?.framesDone ?? 0;
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;
  return (
    <section className="panel progress-panel" aria-label={`Analysing ${name}`} data-testid="analysis-progress">
      <div className="progress-head">
        <h2>Analysing “{name}”</h2>
        <button type="button" className="button" onClick={onCancel} data-testid="cancel-analysis">
          Cancel
        </button>
      </div>
      <p aria-live="polite" className="phase" data-testid="analysis-phase" data-phase={phase} data-waiting={progress?.waitingForEstimator ? 'true' : undefined}>
        {phase === 'loading-model' && progress?.waitingForEstimator ? 'Waiting for the other analysis to finish…' : PHASE_TEXT[phase]}
        {progress?.hidden && phase === 'analysing' ? ' (this tab is in the background; analysis continues)' : ''}
      </p>
      <div
        className="progress-bar"
        role="progressbar"
        aria-label="Frames analysed"
        aria-valuemin={0}
        aria-valuemax={total || 100}
        aria-valuenow={done}
        aria-valuetext={total ? `${done} of ${total} frames` : 'starting'}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <dl className="progress-figures">
        <div>
          <dt>Frames</dt>
          <dd data-testid="progress-frames">
            {done} / {total || '…'}
          </dd>
        </div>
        <div>
          <dt>Speed</dt>
          <dd data-testid="progress-fps">{progress?.fps ? `${progress.fps.toFixed(1)} fps` : '—'}</dd>
        </div>
        <div>
          <dt>Time left</dt>
          <dd data-testid="progress-time-left">{formatSecondsLeft(progress?.secondsLeft ?? null)}</dd>
        </div>
      </dl>
    </section>
  );
}
