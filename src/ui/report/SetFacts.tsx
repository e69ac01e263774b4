/**
 * The set at a glance (reps, camera view, how often the body was found, tempo), what this view
 * can and cannot measure, and the technical details (model, backend, renderer, video). Display
 * only, from the Analysis and the loaded video.
 */
import { depthSummary } from '../../core/depth_judgement';
import type { Analysis, MetricKey } from '../../core/types';
import { framesWithPoseCount } from '../app/loaded_videos';
import type { LoadedVideoLike } from './loaded_video_like';
import { METRIC_LABELS, formatPercent, formatSeconds } from './labels';
import { VIEW_NAMES } from './measure_text';

function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const VIEW_WORDS = { front: 'the front', side: 'the side', oblique: 'about 45°' } as const;
/** A front or 45-degree view with the lifter's back to the camera (the core's view.fromBehind). */
const BEHIND_WORDS = { front: 'behind', side: 'the side', oblique: 'behind, about 45°' } as const;

/** One line: reps · depth · filmed from · body found · tempo. */
export function SetFacts({ analysis, video }: { analysis: Analysis | null; video: LoadedVideoLike }) {
  const reps = analysis?.reps ?? [];
  const partial = reps.filter((rep) => rep.partial).length;
  const total = video.track.frames.length;
  const tempo = (pick: (r: (typeof reps)[number]) => number) => formatSeconds(median(reps.map(pick)), 1);
  return (
    <ul className="set-facts" aria-label="The set at a glance">
      {analysis && (
        <li>
          <span className="fact-label">Reps</span> <strong data-testid="rep-count">{reps.length}</strong>
          {partial > 0 && <span className="muted"> ({partial} cut off by the clip start or end)</span>}
        </li>
      )}
      {analysis && reps.length > 0 && <DepthFact analysis={analysis} />}
      {analysis && (
        <li>
          <span className="fact-label">Filmed from</span>{' '}
          <span data-testid="view-kind">
            {analysis.view.fromBehind ? BEHIND_WORDS[analysis.view.kind] : VIEW_WORDS[analysis.view.kind]}{' '}
            <span className="muted">({VIEW_NAMES[analysis.view.kind]} view{analysis.view.fromBehind ? ' from behind' : ''}, {formatPercent(analysis.view.confidence)} sure)</span>
          </span>
        </li>
      )}
      <li>
        <span className="fact-label">Body found</span> on <span data-testid="frames-with-pose">{framesWithPoseCount(video)}</span> of <span data-testid="frames-total">{total}</span> frames
      </li>
      {reps.length > 0 && (
        <li>
          <span className="fact-label">Tempo</span> down {tempo((r) => r.tempo.descentS)} · pause {tempo((r) => r.tempo.bottomS)} · up {tempo((r) => r.tempo.ascentS)}
          {reps.length > 1 && <span className="muted"> (middle rep)</span>}
        </li>
      )}
    </ul>
  );
}

/** The set's one depth statement (the same sentence as the depth finding's, which the verdict also reads). */
function DepthFact({ analysis }: { analysis: Analysis }) {
  const depth = depthSummary(analysis);
  return (
    <li className="depth-fact">
      <span className="fact-label">Depth</span>{' '}
      <span data-testid="depth-summary" className={depth.measurable ? undefined : 'not-measurable'}>
        {depth.text}
      </span>
    </li>
  );
}

/** What this view can and cannot measure, with the reasons in the lifter's words. */
export function MeasurabilityLists({ analysis }: { analysis: Analysis }) {
  const keys = Object.keys(analysis.measurability) as MetricKey[];
  const measurable = keys.filter((key) => analysis.measurability[key].measurable);
  const notMeasurable = keys.filter((key) => !analysis.measurability[key].measurable);
  return (
    <div className="measurability">
      <div>
        <h3>Measured from this view</h3>
        <ul>
          {measurable.map((key) => (
            <li key={key}>
              {METRIC_LABELS[key].label}
              {analysis.measurability[key].reason && <span className="muted"> – {analysis.measurability[key].reason}</span>}
            </li>
          ))}
        </ul>
        <p className="muted small">Numbers from one camera carry about 7° of error (BlazePose knee angle MAE 7.1°): read them as a guide.</p>
      </div>
      <div>
        <h3>Not measurable from this view</h3>
        {notMeasurable.length === 0 ? (
          <p>Everything could be measured.</p>
        ) : (
          <ul data-testid="not-measurable-list">
            {notMeasurable.map((key) => (
              <li key={key}>
                <strong>{METRIC_LABELS[key].label}</strong>
                {analysis.measurability[key].reason ? `: ${analysis.measurability[key].reason}` : ''}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

/** Model, backend and renderer, the video's size and rate, the camera's tilt, the format. */
export function TechnicalDetails({ analysis, video }: { analysis: Analysis | null; video: LoadedVideoLike }) {
  const { width, height, fps, durationS } = video.track.source;
  const segments = analysis?.view.segments.filter((segment) => segment.kind !== analysis.view.kind) ?? [];
  return (
    <dl className="tech-facts">
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
          {video.backendReason ? <span className="muted backend-reason"> – {video.backendReason}</span> : null}
        </dd>
      </div>
      {analysis && (
        <>
          <div>
            <dt>Person found</dt>
            <dd>in {formatPercent(analysis.poseCoverage)} of frames</dd>
          </div>
          <div>
            <dt>Camera view</dt>
            <dd>
              {VIEW_NAMES[analysis.view.kind]} ({formatPercent(analysis.view.confidence)} sure)
              {segments.length > 0 && <span> · changes view during the clip ({segments.map((s) => `${VIEW_NAMES[s.kind]} ${s.from.toFixed(1)}–${s.to.toFixed(1)} s`).join(', ')})</span>}
            </dd>
          </div>
          <div>
            <dt>Camera tilt</dt>
            <dd>{Math.abs(analysis.cameraRollDeg) >= 1 ? `${analysis.cameraRollDeg.toFixed(0)}° (corrected before measuring)` : 'level'}</dd>
          </div>
          <div>
            <dt>Judged against</dt>
            <dd>{(analysis.settings?.depthTarget ?? 'parallel').replace('_', ' ')} depth</dd>
          </div>
          <div>
            <dt>Analysis</dt>
            <dd>
              format version {analysis.formatVersion}, model {analysis.model}
            </dd>
          </div>
        </>
      )}
    </dl>
  );
}
