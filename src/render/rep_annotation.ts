/**
 * What the annotated video writes in the corner of each frame: which rep is under way and the
 * faults the Analysis flagged on it, and which metric's joints to light up. Pure: read from the
 * Analysis' reps and flags, nothing measured here.
 */
import { SEVERITY_RANK, faultDef } from '../core/flags/registry';
import type { Analysis, Flag, Severity, Side } from '../core/types';
import type { OverlayHighlight } from './overlay_labels';

export interface FlagLine {
  text: string;
  severity: Severity;
  /** The frame on screen is the flag's evidence frame (within a quarter second). */
  atEvidence: boolean;
}

export interface RepAnnotation {
  /** "Rep 2 of 3", or null between reps. */
  title: string | null;
  flags: FlagLine[];
  /** The worst flag's metric and side, drawn thick on the skeleton. */
  highlight: OverlayHighlight | null;
}

const EVIDENCE_WINDOW_S = 0.25;

function flagText(flag: Flag): string {
  const side = flag.side === 'left' || flag.side === 'right' ? ` (${flag.side})` : flag.side === 'both' ? ' (both sides)' : '';
  return `${faultDef(flag.fault).label}${side}, ${flag.severity}`;
}

export function repAnnotationAt(analysis: Analysis | null | undefined, t: number): RepAnnotation {
  const none: RepAnnotation = { title: null, flags: [], highlight: null };
  if (!analysis) return none;
  const rep = analysis.reps.find((r) => t >= r.start && t <= r.end);
  if (!rep) return none;
  const flags = [...rep.flags].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
  const worst = flags[0];
  const side: Side | null = worst && (worst.side === 'left' || worst.side === 'right') ? worst.side : null;
  return {
    title: `Rep ${rep.index + 1} of ${analysis.reps.length}`,
    flags: flags.map((flag) => ({ text: flagText(flag), severity: flag.severity, atEvidence: Math.abs(t - flag.t) <= EVIDENCE_WINDOW_S })),
    highlight: worst ? { metric: worst.metric, side } : null,
  };
}

const SEVERITY_COLOURS: Record<Severity, string> = { mild: '#f5c542', moderate: '#f08a24', severe: '#e5484d' };

/** The rep and its flags in the top-left corner; canvas units = source pixels. */
export function drawRepAnnotation(ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, annotation: RepAnnotation, width: number, height: number): void {
  if (!annotation.title) return;
  const fontPx = Math.round(Math.max(12, Math.min(width, height) / 24));
  const lineH = Math.round(fontPx * 1.45);
  const pad = Math.round(fontPx * 0.5);
  const lines = [annotation.title, ...(annotation.flags.length ? annotation.flags.map((f) => (f.atEvidence ? `▶ ${f.text}` : f.text)) : ['no fault flagged'])];
  ctx.save();
  ctx.font = `600 ${fontPx}px system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  const textWidth = Math.max(...lines.map((line) => ctx.measureText(line).width));
  const dot = annotation.flags.length ? fontPx * 0.9 : 0;
  const boxW = Math.min(width - 2 * pad, textWidth + dot + 2 * pad);
  ctx.fillStyle = 'rgba(0,0,0,0.68)';
  ctx.fillRect(pad, pad, boxW, lines.length * lineH + pad);
  lines.forEach((line, i) => {
    const y = pad + pad / 2 + lineH * (i + 0.5);
    const flag = i > 0 ? annotation.flags[i - 1] : undefined;
    if (flag) {
      ctx.fillStyle = SEVERITY_COLOURS[flag.severity];
      ctx.beginPath();
      ctx.arc(pad * 2 + fontPx * 0.3, y, fontPx * 0.3, 0, Math.PI * 2);
      ctx.fill();
    }
    ctx.fillStyle = flag?.atEvidence ? '#ffd400' : '#ffffff';
    ctx.fillText(line, pad * 2 + (flag ? dot : 0), y);
  });
  ctx.restore();
}
