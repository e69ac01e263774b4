/** Pick or drop a video, and choose the pose model. Starting is the parent's business. */
import { useId, useRef, useState, type DragEvent } from 'react';
import type { DepthTarget } from '../../core/types';
import type { PoseModelName } from '../../pose/types';
import { DepthTargetChoice } from './DepthTargetChoice';

export const ACCEPTED_VIDEO_TYPES = 'video/mp4,video/quicktime,video/webm,video/x-matroska,.mp4,.m4v,.mov,.webm,.mkv';

export interface UploadPanelProps {
  model: PoseModelName;
  onModelChange: (model: PoseModelName) => void;
  onFile: (file: File) => void;
  disabled: boolean;
  /** The depth the reps are judged against (absent: no choice shown, the core's default). */
  depthTarget?: DepthTarget;
  onDepthTargetChange?: (target: DepthTarget) => void;
}

export function UploadPanel({ model, onModelChange, onFile, disabled, depthTarget, onDepthTargetChange }: UploadPanelProps) {
  const inputId = useId();
  const hintId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  const take = (files: FileList | null) => {
    const file = files?.[0];
    if (file && !disabled) onFile(file);
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    take(event.dataTransfer.files);
  };

  return (
    <section className="panel upload-panel" aria-labelledby={`${inputId}-heading`}>
      <h2 id={`${inputId}-heading`}>Analyse a video</h2>
      <div
        className="dropzone"
        data-dragging={dragging || undefined}
        data-disabled={disabled || undefined}
        onDragOver={(event) => {
          event.preventDefault();
          if (!disabled) setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p className="dropzone-title">Drop a squat video here</p>
        <p id={hintId} className="muted">MP4, MOV or WebM, filmed from the side or the front with the whole body in view.</p>
        <label htmlFor={inputId} className="button primary file-button" data-disabled={disabled || undefined}>
          Choose a video…
        </label>
        <input
          ref={inputRef}
          id={inputId}
          className="visually-hidden"
          type="file"
          accept={ACCEPTED_VIDEO_TYPES}
          aria-describedby={hintId}
          disabled={disabled}
          data-testid="video-file-input"
          onChange={(event) => {
            take(event.currentTarget.files);
            // Picking the same file again must start again.
            event.currentTarget.value = '';
          }}
        />
      </div>
      {depthTarget && onDepthTargetChange ? <DepthTargetChoice value={depthTarget} onChange={onDepthTargetChange} disabled={disabled} /> : null}
      <fieldset className="model-choice" disabled={disabled}>
        <legend>Pose model</legend>
        <label>
          <input type="radio" name="pose-model" value="lite" checked={model === 'lite'} onChange={() => onModelChange('lite')} />
          <span>
            <strong>Lite</strong> <span className="muted">faster, about real time on a laptop</span>
          </span>
        </label>
        <label>
          <input type="radio" name="pose-model" value="full" checked={model === 'full'} onChange={() => onModelChange('full')} />
          <span>
            <strong>Full</strong> <span className="muted">more accurate, slower</span>
          </span>
        </label>
      </fieldset>
      <p className="muted small">The video is analysed on this device. Nothing is uploaded anywhere.</p>
    </section>
  );
}
