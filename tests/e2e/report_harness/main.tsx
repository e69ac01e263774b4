/**
 * Test-only page: renders the ReportView on its own, for e2e tests and screenshots that must
 * not wait on the upload flow. Served by a vite dev server started by tests/e2e/report_*.test.ts;
 * clips come from ../shared/fixtures through that server's /__fixtures/ route (never copied).
 *
 * Query: ?clip=<file in clips/ or multiview/> (default side-deep-good-rotated.mp4; comma-separated for several)
 *        &track=<path of a PoseTrack JSON served by vite, e.g. /fixtures/tracks/x.json>
 *        &mirrored=1 (the videos count as recorded with the app's camera, whose preview is mirrored)
 * With a track, the report shows the real Analysis (core analyze()); otherwise the hand-made
 * sample Analysis (tests/support/sample_analysis.ts).
 */
import { createRoot } from 'react-dom/client';
import { analyze } from '../../../src/core/analyze';
import type { Analysis, PoseTrack } from '../../../src/core/types';
import { ReportView } from '../../../src/ui/report/ReportView';
import type { LoadedVideoLike } from '../../../src/ui/report/loaded_video_like';
import { makeSampleAnalysis, makeSampleTrack } from '../../support/sample_analysis';

async function load(clip: string, trackPath: string | null, id: string, previewMirrored: boolean): Promise<LoadedVideoLike> {
  const response = await fetch(`/__fixtures/clips/${clip}`);
  const file = await response.blob();
  let track: PoseTrack = makeSampleTrack();
  let analysis: Analysis = makeSampleAnalysis();
  if (trackPath) {
    track = (await (await fetch(trackPath)).json()) as PoseTrack;
    analysis = analyze(track);
  }
  return { id, name: clip, file, url: URL.createObjectURL(file), track, analysis, backend: 'harness', model: track.model, previewMirrored };
}

async function main() {
  const params = new URLSearchParams(location.search);
  const clips = (params.get('clip') ?? 'side-deep-good-rotated.mp4').split(',');
  const tracks = (params.get('track') ?? '').split(',').map((t) => t || null);
  const mirrored = params.get('mirrored') === '1';
  const videos = await Promise.all(clips.map((clip, i) => load(clip, tracks[i] ?? null, `v${i + 1}`, mirrored)));
  (window as unknown as { __harnessVideos: LoadedVideoLike[] }).__harnessVideos = videos;
  createRoot(document.getElementById('root')!).render(<ReportView video={videos[0]!} allVideos={videos} />);
}

main().catch((error) => {
  document.body.textContent = `harness failed: ${String(error)}`;
  document.body.dataset.error = 'true';
});
