/**
 * The report and the camera recorder, loaded on demand (code splitting: the upload page shows
 * before their code arrives).
 */
import { lazy } from 'react';

const loadReportView = () => import('../report/ReportView');

/** Starts loading the report's code early (e.g. while a video is analysed), so results show at once. */
export function preloadReportView(): void {
  void loadReportView().catch(() => undefined);
}

export const LazyReportView = lazy(async () => ({ default: (await loadReportView()).ReportView }));
export const LazyLiveRecorder = lazy(async () => ({ default: (await import('../live/LiveRecorder')).LiveRecorder }));
/** Two videos of one set read together (src/ui/multiview). */
export const LazyTwoViewSet = lazy(() => import('../multiview/TwoViewSet'));
