/**
 * One analysed video: the report, whose single player shows the video with the skeleton, with
 * the video's facts (how often a body was found, size, model, backend) first beside it. The
 * report also shows the video when the movement analysis failed (analysis null).
 */
import { Suspense } from 'react';
import { ErrorBoundary } from './ErrorBoundary';
import { LazyReportView, LazyTwoViewSet } from './lazy_parts';
import { framesWithPoseCount, type LoadedVideo } from './loaded_videos';
import { SessionControls } from '../history/SessionControls';
import { PeoplePicker } from '../people/PeoplePicker';
import { followOtherPerson } from '../people/follow_person';

export interface ResultsViewProps {
  videos: LoadedVideo[];
  selected: LoadedVideo;
  onSelect: (id: string) => void;
  onRemove: (id: string) => void;
  /** The same video re-analysed (another person followed). */
  onUpdate?: (video: LoadedVideo) => void;
}

function VideoFacts({ video, onRemove }: { video: LoadedVideo; onRemove: (id: string) => void }) {
  const withPose = framesWithPoseCount(video);
  const total = video.track.frames.length;
  const { width, height, fps, durationS } = video.track.source;
  return (
    <section className="panel video-facts" aria-labelledby="video-facts-heading">
      <h2 id="video-facts-heading">About the video</h2>
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
          <dd data-testid="pose-model">BlazePose {video.model.replace('blazepose-', '')}</dd>
        </div>
        <div>
          <dt>Runs on</dt>
          <dd>
            <span data-testid="pose-backend">{video.backend}</span>
            {video.backendReason ? <span className="muted backend-reason">{video.backendReason}</span> : null}
          </dd>
        </div>
      </dl>
      {video.analysisError ? (
        <p className="notice warning" role="status">
          The movement analysis failed ({video.analysisError}); the skeleton is still shown.
        </p>
      ) : null}
      <SessionControls video={video} />
      <button type="button" className="button subtle no-print" onClick={() => onRemove(video.id)}>
        Remove this video
      </button>
    </section>
  );
}

export function ResultsView({ videos, selected, onSelect, onRemove, onUpdate }: ResultsViewProps) {
  const { width, height, fps } = selected.track.source;
  const facts = (
    <>
      <VideoFacts video={selected} onRemove={onRemove} />
      {selected.people && onUpdate ? (
        <PeoplePicker
          url={selected.url}
          width={width}
          height={height}
          fps={fps}
          people={selected.people}
          onFollow={async (id) => onUpdate(await followOtherPerson(selected, id))}
        />
      ) : null}
    </>
  );
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
      {videos.filter((v) => v.analysis).length > 1 && (
        <ErrorBoundary what="two-camera view">
          <Suspense fallback={<p className="muted">Loading the two-camera view…</p>}>
            <LazyTwoViewSet videos={videos} />
          </Suspense>
        </ErrorBoundary>
      )}
      <section className="report-area" aria-label="Report">
        <ErrorBoundary what="report">
          <Suspense
            fallback={
              <>
                {facts}
                <p className="muted">Loading the report…</p>
              </>
            }
          >
            {/* A newly shown video moves focus to the report's title, so keyboard and screen-reader users land on it. */}
            <LazyReportView video={selected} allVideos={videos} intro={facts} focusTitle />
          </Suspense>
        </ErrorBoundary>
      </section>
    </div>
  );
}
