/**
 * A <video> with the pose skeleton drawn over it, kept in step with the video's time on
 * every animation frame. Used by the report and the side-by-side review. (APP's player in
 * src/ui/player/ did not exist when this was written; this one only draws, it holds no state
 * beyond the video element.)
 */
import { useEffect, useRef, type CSSProperties, type Ref } from 'react';
import type { Analysis, MetricKey, PoseTrack, Side } from '../../core/types';
import { nearestFrameIndex } from './frame_lookup';
import { drawSkeleton, type OverlayLabel } from './skeleton_draw';
import { METRIC_LABELS, formatMetric, metricAnchor, metricKeypoints } from './labels';
import { isSidedValue } from '../../export/metric_columns';

export interface OverlayHighlight {
  metric: MetricKey;
  side: Side | null;
}

export interface VideoWithSkeletonProps {
  url: string;
  track: PoseTrack;
  analysis: Analysis | null;
  highlight?: OverlayHighlight | null;
  /** Metrics whose current values are written beside their joints (besides the highlight). */
  angles?: readonly MetricKey[];
  mirrored?: boolean;
  controls?: boolean;
  label: string;
  videoRef?: Ref<HTMLVideoElement>;
  /** Called from the animation loop with the video's current time. */
  onTime?: (t: number) => void;
  className?: string;
  style?: CSSProperties;
  /** CSS length the video may not exceed in height, e.g. "70vh" (width follows the aspect ratio). */
  maxHeight?: string;
  testId?: string;
}

/** Labels for the metrics at time t: value from the Analysis frame nearest t. */
export function overlayLabels(analysis: Analysis | null, t: number, metrics: readonly MetricKey[], highlight: OverlayHighlight | null | undefined): OverlayLabel[] {
  if (!analysis || analysis.frames.length === 0) return [];
  const frame = analysis.frames[nearestFrameIndex(analysis.frames, t)]!;
  const labels: OverlayLabel[] = [];
  const wanted: { metric: MetricKey; side: Side | null; emphasis: boolean }[] = metrics.map((metric) => ({ metric, side: null, emphasis: false }));
  if (highlight) wanted.unshift({ metric: highlight.metric, side: highlight.side, emphasis: true });
  const seen = new Set<string>();
  for (const { metric, side, emphasis } of wanted) {
    const value = frame.metrics[metric] as unknown;
    const sides: (Side | null)[] = isSidedValue(value) ? (side ? [side] : ['left', 'right']) : [null];
    for (const s of sides) {
      const anchor = metricAnchor(metric, s);
      const key = `${metric}:${anchor}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const number = isSidedValue(value) ? value[s ?? 'left'] : typeof value === 'number' ? value : null;
      const prefix = s ? `${s === 'left' ? 'L' : 'R'} ` : '';
      labels.push({ anchor, text: `${prefix}${METRIC_LABELS[metric].label} ${formatMetric(metric, number)}`, emphasis });
    }
  }
  return labels;
}

export function VideoWithSkeleton(props: VideoWithSkeletonProps) {
  const videoEl = useRef<HTMLVideoElement | null>(null);
  const canvasEl = useRef<HTMLCanvasElement | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const { width, height } = props.track.source;

  useEffect(() => {
    let raf = 0;
    let lastKey = '';
    const tick = () => {
      raf = requestAnimationFrame(tick);
      const video = videoEl.current;
      const canvas = canvasEl.current;
      if (!video || !canvas) return;
      const p = latest.current;
      const t = video.currentTime;
      p.onTime?.(t);
      const key = `${t}|${p.highlight?.metric}|${p.highlight?.side}|${p.mirrored}|${p.angles?.join()}`;
      if (key === lastKey) return;
      lastKey = key;
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      const frames = p.track.frames;
      const index = nearestFrameIndex(frames, t);
      const frame = index >= 0 ? frames[index]! : null;
      drawSkeleton(ctx, frame?.keypoints ?? null, {
        width: canvas.width,
        height: canvas.height,
        mirrored: p.mirrored,
        highlight: p.highlight ? metricKeypoints(p.highlight.metric, p.highlight.side) : [],
        labels: overlayLabels(p.analysis, t, p.angles ?? [], p.highlight),
      });
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, []);

  const setVideo = (element: HTMLVideoElement | null) => {
    videoEl.current = element;
    const ref = props.videoRef;
    if (typeof ref === 'function') ref(element);
    else if (ref) (ref as { current: HTMLVideoElement | null }).current = element;
  };

  return (
    <div
      className={`vws ${props.className ?? ''}`}
      style={{
        aspectRatio: `${width} / ${height}`,
        ['--vws-ratio' as string]: (width / height).toFixed(4),
        width: props.maxHeight ? `min(100%, calc(${props.maxHeight} * ${(width / height).toFixed(4)}))` : undefined,
        ...props.style,
      } as CSSProperties}
      data-testid={props.testId}
    >
      <video
        ref={setVideo}
        src={props.url}
        controls={props.controls}
        playsInline
        muted
        preload="auto"
        aria-label={props.label}
        style={props.mirrored ? { transform: 'scaleX(-1)' } : undefined}
      />
      <canvas ref={canvasEl} width={width} height={height} aria-hidden="true" />
    </div>
  );
}
