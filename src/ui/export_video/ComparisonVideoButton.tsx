/** "Save this comparison as a video": the two reps side by side on the review's phase clock. */
import type { Rep } from '../../core/types';
import { exportRepComparisonVideo } from '../../export/annotated_video/rep_comparison_video';
import type { LoadedVideo } from '../app/loaded_videos';
import { downloadBlob } from '../download_file';
import { VideoExportStatus } from './VideoExportStatus';
import { fileStem, useVideoExport } from './use_video_export';
import './export_video.css';

export interface ComparisonSide {
  video: LoadedVideo;
  rep: Rep;
  label: string;
  /** Drawn mirrored, as the review panel shows it. */
  mirrored: boolean;
}

export function ComparisonVideoButton({ a, b }: { a: ComparisonSide; b: ComparisonSide }) {
  const { state, start, cancel } = useVideoExport();
  const run = async () => {
    const stem = `${fileStem(a.video.name)}-rep${a.rep.index + 1}-vs-${fileStem(b.video.name)}-rep${b.rep.index + 1}`;
    const done = await start(stem, (signal, onProgress) =>
      exportRepComparisonVideo({
        a: { file: a.video.file, track: a.video.track, analysis: a.video.analysis, rep: a.rep, label: a.label, mirrored: a.mirrored },
        b: { file: b.video.file, track: b.video.track, analysis: b.video.analysis, rep: b.rep, label: b.label, mirrored: b.mirrored },
        signal,
        onProgress,
      }),
    );
    if (done) downloadBlob(done.video.blob, done.fileName);
  };
  return (
    <div className="comparison-video-export">
      <button type="button" className="button" disabled={state.phase === 'running'} onClick={() => void run()} data-testid="export-comparison-video">
        ⤓ Save this comparison as a video
      </button>
      <VideoExportStatus state={state} onCancel={cancel} />
    </div>
  );
}
