/** The progress bar, Cancel, and the outcome of a video export, shared by both export buttons. */
import type { VideoExportState } from './use_video_export';
import { exportSummary } from './use_video_export';

export function VideoExportStatus({ state, onCancel }: { state: VideoExportState; onCancel: () => void }) {
  if (state.phase === 'running') {
    const p = state.progress;
    const fraction = p && p.framesTotal ? p.framesDone / p.framesTotal : 0;
    return (
      <div className="video-export-progress" data-testid="export-video-progress">
        <progress max={1} value={fraction} aria-label="Export progress" />
        <span className="small muted" aria-live="polite">
          {p ? `Encoding frame ${p.framesDone} of ${p.framesTotal}` : 'Starting the encoder…'}
        </span>
        <button type="button" className="button subtle" onClick={onCancel} data-testid="export-video-cancel">
          Cancel
        </button>
      </div>
    );
  }
  if (state.phase === 'done') {
    return (
      <p className="small" role="status" data-testid="export-video-status" data-frames={state.video.frames} data-container={state.video.choice.container}>
        {exportSummary(state.video, state.fileName)}
      </p>
    );
  }
  if (state.phase === 'error') {
    return (
      <p className="notice error small" role="alert" data-testid="export-video-status" data-error="true">
        {state.message}
      </p>
    );
  }
  return null;
}
