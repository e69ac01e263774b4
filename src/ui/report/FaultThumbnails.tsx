/**
 * The worst frame of each fault, drawn from the video at the flag's time with the skeleton
 * on top. Frames are grabbed one at a time by a hidden <video> of the same file.
 */
import { useEffect, useRef } from 'react';
import type { Analysis, Fault, Flag, PoseTrack } from '../../core/types';
import { frameAtTime } from '../../render/frame_at_time';
import { FAULT_LABELS, SEVERITY_RANK, formatMetric, metricKeypoints, sideLabel } from './labels';
import { drawSkeleton } from '../../render/draw_skeleton';
import { flagSeekRequest, type SeekRequest } from './RepTable';

/** Per fault, the flag with the highest severity, then the furthest past its threshold. */
export function worstFlagPerFault(analysis: Analysis): Flag[] {
  const worst = new Map<Fault, Flag>();
  for (const rep of analysis.reps) {
    for (const flag of rep.flags) {
      const current = worst.get(flag.fault);
      const excess = (f: Flag) => Math.abs(f.value - f.threshold);
      if (!current || SEVERITY_RANK[flag.severity] > SEVERITY_RANK[current.severity] || (flag.severity === current.severity && excess(flag) > excess(current))) {
        worst.set(flag.fault, flag);
      }
    }
  }
  return [...worst.values()];
}

let grabQueue: Promise<void> = Promise.resolve();

/** Seeks a hidden video to t and draws that frame into the canvas, queued so only one decoder runs. */
function grabFrame(url: string, t: number, canvas: HTMLCanvasElement, after: (ctx: CanvasRenderingContext2D) => void): Promise<void> {
  const job = grabQueue.then(
    () =>
      new Promise<void>((resolve) => {
        const ctx = canvas.getContext('2d');
        if (!ctx || typeof document === 'undefined') return resolve();
        const video = document.createElement('video');
        video.muted = true;
        video.preload = 'auto';
        video.playsInline = true;
        let done = false;
        const finish = () => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          video.removeAttribute('src');
          video.load();
          resolve();
        };
        const timer = setTimeout(finish, 8000);
        video.addEventListener('loadeddata', () => {
          video.currentTime = Math.max(0, Math.min(t, (video.duration || t) - 0.001));
        });
        video.addEventListener('seeked', () => {
          try {
            ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
          } catch {
            // A frame that cannot be drawn leaves the skeleton on a blank background.
          }
          after(ctx);
          finish();
        });
        video.addEventListener('error', finish);
        video.src = url;
      }),
  );
  grabQueue = job.catch(() => undefined);
  return job;
}

function Thumbnail({ flag, url, track, onSeek }: { flag: Flag; url: string; track: PoseTrack; onSeek: (request: SeekRequest) => void }) {
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const { width, height } = track.source;
  const scale = 240 / Math.max(width, height);
  const w = Math.round(width * scale);
  const h = Math.round(height * scale);

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    // No cancellation: a grab always ends with frame and skeleton together; a newer grab for the
    // same canvas simply draws over it.
    void grabFrame(url, flag.t, element, (ctx) => {
      const frame = frameAtTime(track.frames, flag.t);
      const keypoints = frame?.keypoints?.map((k) => ({ ...k, x: k.x * scale, y: k.y * scale })) ?? null;
      ctx.save();
      // drawSkeleton clears the canvas first; keep the video frame by drawing onto a layer.
      const layer = document.createElement('canvas');
      layer.width = w;
      layer.height = h;
      const layerCtx = layer.getContext('2d');
      if (layerCtx) {
        drawSkeleton(layerCtx, keypoints, { width: w, height: h, highlight: metricKeypoints(flag.metric, flag.side === 'left' || flag.side === 'right' ? flag.side : null) });
        ctx.drawImage(layer, 0, 0);
      }
      ctx.restore();
      element.dataset.drawn = 'true';
    });
  }, [url, flag, track, w, h, scale]);

  const side = sideLabel(flag.side);
  return (
    <li className="thumbnail">
      <button type="button" onClick={() => onSeek(flagSeekRequest(flag))} aria-label={`${FAULT_LABELS[flag.fault]}${side ? `, ${side}` : ''}, rep ${flag.rep + 1}: show on the video`}>
        <canvas ref={canvas} width={w} height={h} data-fault={flag.fault} />
        <span className="thumb-caption">
          <strong>{FAULT_LABELS[flag.fault]}</strong>
          {side && ` · ${side}`} · rep {flag.rep + 1}
          <br />
          <span className={`severity-text severity-${flag.severity}`}>{flag.severity}</span> · {formatMetric(flag.metric, flag.value)}
        </span>
      </button>
    </li>
  );
}

export function FaultThumbnails({ analysis, url, track, onSeek }: { analysis: Analysis; url: string; track: PoseTrack; onSeek: (request: SeekRequest) => void }) {
  const flags = worstFlagPerFault(analysis);
  if (flags.length === 0) return null;
  return (
    <section className="report-section" aria-labelledby="thumbs-heading">
      <h2 id="thumbs-heading">Worst moment of each fault</h2>
      <ul className="thumbnails">
        {flags.map((flag) => (
          <Thumbnail key={flag.fault} flag={flag} url={url} track={track} onSeek={onSeek} />
        ))}
      </ul>
    </section>
  );
}
