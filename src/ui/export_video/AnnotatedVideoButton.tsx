/**
 * "Annotated video": the analysed video with skeleton, values and flags burned in, encoded on
 * this device (MP4/H.264, or WebM where the browser cannot encode H.264), with progress and cancel.
 */
import { exportAnnotatedVideo } from '../../export/annotated_video/annotated_video';
import type { LoadedVideo } from '../app/loaded_videos';
import { downloadBlob } from '../download_file';
import { VideoExportStatus } from './VideoExportStatus';
import { fileStem, useVideoExport } from './use_video_export';
import './export_video.css';

export function AnnotatedVideoButton({ video }: { video: LoadedVideo }) {
  const { state, start, cancel } = useVideoExport();
  const run = async () => {
    const done = await start(`${fileStem(video.name)}-annotated`, (signal, onProgress) =>
      exportAnnotatedVideo({ file: video.file, track: video.track, analysis: video.analysis, signal, onProgress }),
    );
    if (done) downloadBlob(done.video.blob, done.fileName);
  };
  return (
    <section className="report-section no-print annotated-video-export" aria-labelledby="annotated-video-heading">
      <h2 id="annotated-video-heading">Annotated video</h2>
      <p className="muted small">The video with the skeleton, the values and the flags drawn in, made on this device, to share with a coach.</p>
      <button type="button" className="button" disabled={state.phase === 'running'} onClick={() => void run()} data-testid="export-annotated-video">
        ⤓ Save annotated video
      </button>
      <VideoExportStatus state={state} onCancel={cancel} />
    </section>
  );
}
