/**
 * One analysed video: the report, whose single player shows the video with the skeleton, the
 * verdict first beside it, and the video's technical facts (size, model, backend) folded in the
 * report. The report also shows the video when the movement analysis failed (analysis null).
 */
import { Suspense } from 'react';
import { ErrorBoundary } from './ErrorBoundary';
import { LazyReportView, LazyTwoViewSet } from './lazy_parts';
import type { LoadedVideo } from './loaded_videos';
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

function AnalysisFailedNotice({ video }: { video: LoadedVideo }) {
  return video.analysisError ? (
    <p className="notice warning" role="status">
      The movement analysis failed ({video.analysisError}); the skeleton is still shown.
    </p>
  ) : null;
}

function RemoveButton({ video, onRemove }: { video: LoadedVideo; onRemove: (id: string) => void }) {
  return (
    <button type="button" className="button subtle no-print" onClick={() => onRemove(video.id)}>
      Remove this video
    </button>
  );
}

export function ResultsView({ videos, selected, onSelect, onRemove, onUpdate }: ResultsViewProps) {
  const { width, height, fps } = selected.track.source;
  // Under the verdict: what went wrong with the analysis, whom to follow when several people were
  // found, and whether the set is kept in the history (with or without its video).
  const intro = (
    <>
      <AnalysisFailedNotice video={selected} />
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
      <SessionControls video={selected} />
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
          <Suspense fallback={<p className="muted">Loading the report…</p>}>
            {/* A newly shown video moves focus to the report's title, so keyboard and screen-reader users land on it. */}
            <LazyReportView
              video={selected}
              allVideos={videos}
              intro={intro}
              footer={<RemoveButton video={selected} onRemove={onRemove} />}
              focusTitle
            />
          </Suspense>
        </ErrorBoundary>
      </section>
    </div>
  );
}
