/**
 * Parts of the app other helpers build (REPORT's ReportView, LIVE's LiveRecorder), loaded lazily.
 * import.meta.glob resolves at build time to the files that exist, so the shell builds and runs
 * with or without them and shows a placeholder where one is missing.
 */
import { lazy, type ComponentType, type ReactNode } from 'react';
import type { LoadedVideo } from './loaded_videos';

export interface ReportViewProps {
  video: LoadedVideo;
  allVideos: LoadedVideo[];
  onSeek?: (t: number) => void;
  intro?: ReactNode;
  focusTitle?: boolean;
}

export interface LiveRecorderProps {
  /** LIVE hands a finished recording's analysis back so it joins the loaded videos. */
  onAnalysed?: (video: LoadedVideo) => void;
  [key: string]: unknown;
}

type AnyModule = Record<string, unknown>;
const reportModules = import.meta.glob<AnyModule>('../report/ReportView.tsx');
const liveModules = import.meta.glob<AnyModule>('../live/LiveRecorder.tsx');

export const hasReportView = Object.keys(reportModules).length > 0;
export const hasLiveRecorder = Object.keys(liveModules).length > 0;

function lazyNamed<P>(modules: Record<string, () => Promise<AnyModule>>, exportName: string, Missing: ComponentType<P>) {
  return lazy(async () => {
    const loader = Object.values(modules)[0];
    if (!loader) return { default: Missing };
    const module = await loader();
    const component = (module[exportName] ?? module.default) as ComponentType<P> | undefined;
    return { default: component ?? Missing };
  });
}

function ReportMissing() {
  return (
    <p className="muted" data-testid="report-placeholder">
      The detailed report is not part of this build yet.
    </p>
  );
}

function LiveMissing() {
  return (
    <p className="muted" data-testid="live-placeholder">
      Recording from the camera is not part of this build yet. Record the set with your phone and analyse the video instead.
    </p>
  );
}

/** Starts loading the report's code early (e.g. while a video is analysed), so results show at once. */
export function preloadReportView(): void {
  void Object.values(reportModules)[0]?.().catch(() => undefined);
}

export const LazyReportView = lazyNamed<ReportViewProps>(reportModules, 'ReportView', ReportMissing);
export const LazyLiveRecorder = lazyNamed<LiveRecorderProps>(liveModules, 'LiveRecorder', LiveMissing);
/** Two videos of one set read together (src/ui/multiview). */
export const LazyTwoViewSet = lazy(() => import('../multiview/TwoViewSet'));
