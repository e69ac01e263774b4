/**
 * One analysed video: its facts (how often a body was found, size, model, backend), then the
 * report, whose single player shows the video with the skeleton. The report also shows the
 * video when the movement analysis failed (analysis null).
 */
import { Suspense, useEffect, useRef } from 'react';
import { ErrorBoundary } from './ErrorBoundary';
import { LazyReportView } from './lazy_parts';
import { framesWithPoseCount, type LoadedVideo } from './loaded_videos';

export interface ResultsViewProps {
  videos: LoadedVideo[];
  selected: LoadedVideo;
  onSelect: (id: string) => void;
  onRemove: (id: string) => void;
}

export function ResultsView({ videos, selected, onSelect, onRemove }: ResultsViewProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // A newly shown video: move focus to its heading so keyboard and screen-reader users land on it.
  useEffect(() => headingRef.current?.focus({ preventScroll: true }), [selected.id]);
  const withPose = framesWithPoseCount(selected);
  const total = selected.track.frames.length;
  const { width, height, fps, durationS } = selected.track.source;

  return (
    <div className="results">
      {videos.length > 1 && (
        <nav className="video-list" aria-label="Analysed videos">
          <ul>
            {videos.map((v) => (
              <li key={v.id}>
                <button type="button" className="chip" aria-current={v.id === selected.id ? 'true' : undefined} onClick={() => onSelect(v.id)}>
                  {v.name}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <section className="panel video-facts" aria-labelledby="video-facts-heading">
        <h2 id="video-facts-heading" ref={headingRef} tabIndex={-1}>
          {selected.name}
        </h2>
        <dl className="facts">
          <div>
            <dt>Body found</dt>
            <dd>
              on <span data-testid="frames-with-pose">{withPose}</span> of <span data-testid="frames-total">{total}</span> frames (
              {total ? Math.round((withPose / total) * 100) : 0} %)
            </dd>
          </div>
          <div>
            <dt>Video</dt>
            <dd>
              <span data-testid="video-display-size">
                {width}×{height}
              </span>
              , {fps.toFixed(fps % 1 ? 2 : 0)} fps, {durationS.toFixed(1)} s
            </dd>
          </div>
          <div>
            <dt>Pose model</dt>
            <dd data-testid="pose-model">BlazePose {selected.model.replace('blazepose-', '')}</dd>
          </div>
          <div>
            <dt>Runs on</dt>
            <dd>
              <span data-testid="pose-backend">{selected.backend}</span>
              {selected.backendReason ? <span className="muted backend-reason"> — {selected.backendReason}</span> : null}
            </dd>
          </div>
        </dl>
        {selected.analysisError ? (
          <p className="notice warning" role="status">
            The movement analysis failed ({selected.analysisError}); the skeleton is still shown.
          </p>
        ) : null}
        <button type="button" className="button subtle" onClick={() => onRemove(selected.id)}>
          Remove this video
        </button>
      </section>
      <section className="report-area" aria-label="Report">
        <ErrorBoundary what="report">
          <Suspense fallback={<p className="muted">Loading the report…</p>}>
            <LazyReportView video={selected} allVideos={videos} />
          </Suspense>
        </ErrorBoundary>
      </section>
    </div>
  );
}
