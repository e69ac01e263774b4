/**
 * The contract between every part of the app: a PoseTrack goes into the core,
 * an Analysis comes out. The CLI writes both as JSON, so field names here are
 * stable and documented in docs/analysis-format.md. Extend additively within a format version;
 * anything else bumps ANALYSIS_FORMAT_VERSION (and parseAnalysis learns to read the old one).
 */
import type { RegistryMetricKey, RegistrySidedKey } from './metrics/registry';

/** Format version of the Analysis this core writes (v1 files are read by analysis_io.ts parseAnalysis). */
export const ANALYSIS_FORMAT_VERSION = 2;

/** BlazePose's 33 landmarks, in model output order (pose-detection's BLAZEPOSE_KEYPOINTS). */
export const BLAZEPOSE_KEYPOINT_NAMES = [
  'nose',
  'left_eye_inner',
  'left_eye',
  'left_eye_outer',
  'right_eye_inner',
  'right_eye',
  'right_eye_outer',
  'left_ear',
  'right_ear',
  'mouth_left',
  'mouth_right',
  'left_shoulder',
  'right_shoulder',
  'left_elbow',
  'right_elbow',
  'left_wrist',
  'right_wrist',
  'left_pinky',
  'right_pinky',
  'left_index',
  'right_index',
  'left_thumb',
  'right_thumb',
  'left_hip',
  'right_hip',
  'left_knee',
  'right_knee',
  'left_ankle',
  'right_ankle',
  'left_heel',
  'right_heel',
  'left_foot_index',
  'right_foot_index',
] as const;

export type KeypointName = (typeof BLAZEPOSE_KEYPOINT_NAMES)[number];

/** One 2D keypoint in source pixels (x right, y down), as displayed (after rotation). */
export interface Keypoint {
  name: KeypointName | string;
  x: number;
  y: number;
  /** 0..1; BlazePose's visibility/presence score. */
  score: number;
}

/** One 3D keypoint in metres, hip-centred, as BlazePose's keypoints3D. */
export interface Keypoint3D {
  name: KeypointName | string;
  x: number;
  y: number;
  z: number;
  score: number;
}

export interface PoseFrame {
  /** Presentation time in seconds from the start of the source. */
  t: number;
  /** null when no person was found in this frame. */
  keypoints: Keypoint[] | null;
  keypoints3D?: Keypoint3D[] | null;
}

export interface PoseSource {
  name: string;
  /** Displayed width and height in pixels, after any rotation tag is applied. */
  width: number;
  height: number;
  fps: number;
  durationS: number;
  frameCount: number;
}

export interface PoseTrack {
  source: PoseSource;
  /** e.g. "blazepose-lite", "blazepose-full", "synthetic". */
  model: string;
  frames: PoseFrame[];
  /** Present when more than one person was in the picture: whom the frames follow, and why. */
  people?: PeopleInPicture;
}

/** A rectangle as fractions (0..1) of the displayed frame. */
export interface FrameBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Several people were tracked; `PoseTrack.frames` follow one of them (src/pipeline/person_choice.ts). */
export interface PeopleInPicture {
  /** People tracked for long enough to count (2 or more). */
  count: number;
  /** 'auto': the analyzer chose; 'tapped': the user pointed at the lifter. */
  chosen: 'auto' | 'tapped';
  /**
   * 'squats': the one whose hips dropped the most, clearly more than anyone else's;
   * 'prominent': no clear squatter (nobody squats, or several do): the biggest, most central one;
   * 'tapped': the user's choice.
   */
  reason: 'squats' | 'prominent' | 'tapped';
  /** Where the followed person is relative to the others, seen in the picture. */
  position: 'left' | 'middle' | 'right';
  /** The followed person's keypoint box at time `t` (the first frame they were seen). */
  box: FrameBox;
  t: number;
}

// ---------------------------------------------------------------------------
// Analysis

/** Lifter's own left and right, as BlazePose names them. */
export type Side = 'left' | 'right';
export interface Sided<T> {
  left: T;
  right: T;
}

export type ViewKind = 'front' | 'side' | 'oblique';

export interface ViewSegment {
  /** Seconds. */
  from: number;
  to: number;
  kind: ViewKind;
  confidence: number;
  /**
   * Present (true) when the camera films this front or 45-degree stretch from behind: the
   * lifter's back to the camera, their left on the picture's left. Absent = facing the camera,
   * side-on, or not known (view_detection.ts).
   */
  fromBehind?: true;
}

export interface ViewEstimate {
  /** The view of most of the clip (by time). */
  kind: ViewKind;
  confidence: number;
  segments: ViewSegment[];
  /** Present (true) when most of the main view's time is filmed from behind (see ViewSegment). */
  fromBehind?: true;
}

/**
 * Every metric's key, from the metric registry (src/core/metrics/registry.ts): "kneeValgusDeg",
 * "heelLift", ... Meanings, units and signs are there and in docs/metrics.md.
 */
export type MetricKey = RegistryMetricKey;
/** The keys of the metrics measured per side. */
export type SidedMetricKey = RegistrySidedKey;

/** One frame's metric values; null = not measurable here (view or keypoints), never a guess. */
export type FrameMetrics = { [K in MetricKey]: K extends SidedMetricKey ? Sided<number | null> : number | null };
/** Same keys as FrameMetrics, each 0..1. */
export type FrameConfidence = { [K in MetricKey]: K extends SidedMetricKey ? Sided<number> : number };

/** One per-frame series: value NaN = not measurable in that frame; confidence 0..1 (0 where NaN). */
export interface MetricColumn {
  value: Float32Array;
  confidence: Float32Array;
}

/** A column's key: "depth", "heelLift.left", "heelLift.right". */
export type ColumnKey = MetricKey | `${MetricKey}.${Side}`;

/** The per-frame metrics as typed columns, one entry per PoseTrack frame. */
export interface FrameSeries {
  /** Seconds, one per PoseTrack frame, same order. */
  t: Float64Array;
  /** Every registry metric has its column(s): one, or two ("key.left", "key.right") for a sided metric. */
  columns: Record<string, MetricColumn>;
}

export interface Tempo {
  descentS: number;
  bottomS: number;
  ascentS: number;
}

export type Fault = 'knee_valgus' | 'heel_lift' | 'forward_lean' | 'butt_wink' | 'shallow_depth' | 'hip_shift';
export type FlagSide = Side | 'both' | null;
export type Severity = 'mild' | 'moderate' | 'severe';

export interface Flag {
  fault: Fault;
  side: FlagSide;
  severity: Severity;
  /** The value that crossed the threshold (the rep's peak, in the metric's unit). */
  value: number;
  threshold: number;
  /** Seconds: the evidence frame. */
  t: number;
  confidence: number;
  /** Rep index this flag belongs to. */
  rep: number;
  /** Which metric the value comes from. */
  metric: MetricKey;
  /** The camera view of the frame the value was read at. */
  view: ViewKind;
}

/** A rep's value of one metric: the extreme that matters (the registry's peak direction). */
export interface RepMeasure {
  /** In the metric's unit (registry), rounded to 3 decimals. */
  value: number;
  /** 0..1: mean metric confidence over the frames that hold the extreme. */
  confidence: number;
  /** Seconds: the frame it was read at (the evidence frame). */
  t: number;
  /** The camera view of that frame. */
  view: ViewKind;
}

/** null = not measurable in this rep; {left, right} for a sided metric. */
export type RepMeasureEntry = RepMeasure | null | Sided<RepMeasure | null>;

export interface Rep {
  index: number;
  /** Event times in seconds. */
  start: number;
  bottom: number;
  ascentStart: number;
  end: number;
  tempo: Tempo;
  /** The camera view at the rep's bottom. */
  view: ViewKind;
  /** Per metric, its extreme over the rep (the direction that matters for that metric); replaces v1 `peaks`. */
  measures: Partial<Record<MetricKey, RepMeasureEntry>>;
  flags: Flag[];
  /** True when the clip starts or ends inside this rep, so some events are estimated. */
  partial?: boolean;
  /**
   * Hip-mid height above the ankles at the bottom, relative to standing (1 = standing; about
   * 0.45-0.5 at parallel). Measurable from every view.
   */
  bottomHipHeight?: number;
}

export interface Asymmetry {
  metric: MetricKey;
  worseSide: Side | null;
  /** Per-rep values (rep order); null where a rep could not measure it. */
  left: (number | null)[];
  right: (number | null)[];
  /** |R - L| / (0.5 (R + L)) x 100 on the per-rep means (Bishop 2016). */
  symmetryIndex: number | null;
  /** Mean left-right difference exceeds each side's rep-to-rep variation. */
  beyondVariation: boolean;
}

export type ChainLink = 'ankle' | 'knee' | 'hip' | 'pelvis' | 'lumbar' | 'torso';

export interface Evidence {
  rep: number | null;
  t: number;
  fault?: Fault;
  side?: FlagSide;
}

export interface Finding {
  id: string;
  /** Plain-language conclusion. */
  text: string;
  severity: Severity;
  chain: ChainLink[];
  side: FlagSide;
  evidence: Evidence[];
  /** Guidance, not diagnosis: the mobility or technique work this points to. */
  guidance?: string;
  /** True when the fault grows over the set. */
  fatigue?: boolean;
  confidence: number;
  /**
   * What kind of finding: a fault summary, a kinetic-chain link between faults, a left-right
   * asymmetry, a "not measurable from this view" note, or the all-clear.
   */
  kind?: 'fault' | 'chain' | 'asymmetry' | 'not_measurable' | 'ok';
  /** The camera views its evidence was read from (absent when it has no evidence flags). */
  views?: ViewKind[];
}

export interface Measurability {
  measurable: boolean;
  /** Why not, or what limits it, in words a lifter understands ("knee valgus needs a front view"). */
  reason: string | null;
  confidence: number;
  /** The view it is read from (the clip's view that supports it best); null when not measurable. */
  view: ViewKind | null;
}

export interface AnalysisWarning {
  code: string;
  message: string;
}

/** What a squat is judged against: above parallel, parallel (the default) or full depth. */
export type DepthTarget = 'above_parallel' | 'parallel' | 'full';

export interface AnalysisSettings {
  /** The depth the reps were judged against. */
  depthTarget: DepthTarget;
}

/** One thing to work on (filled by the verdict stage, src/core/findings/verdict.ts; see issue 9). */
export interface VerdictItem {
  /**
   * The fault it is about; null for a left-right difference of a metric no fault is judged on
   * (e.g. one shin travelling less than the other).
   */
  fault: Fault | null;
  side: FlagSide;
  severity: Severity;
  /** 0..1: the finding's confidence. */
  confidence: number;
  /**
   * The frame to show: rep index and seconds; `side` is the side whose number is shown there
   * (the worse one where both are flagged).
   */
  evidence: { rep: number | null; t: number; side?: Side | null };
  /** The mobility or technique work it points to, along the chain (REFERENCE.md §1). */
  guidance?: string;
  chain: ChainLink[];
  /** The camera view the evidence was read from. */
  view: ViewKind;
  /** The finding it summarises (Analysis.findings[].id). */
  id: string;
  /** A fault with its flags, a link between faults along the chain, or a left-right difference. */
  kind: 'fault' | 'chain' | 'asymmetry';
  /** Short heading in plain words ("Left heel lifts"). */
  title: string;
  /** The finding's sentence. */
  text: string;
  /** The metric whose rep measure is the evidence's number (null when the evidence has no number). */
  metric: MetricKey | null;
  /**
   * The rep measures that tell it (reps[rep].measures[metric], on `side`): the worst of each fault
   * it covers, or both sides of a left-right difference on the rep where they differ most.
   */
  numbers: { rep: number; metric: MetricKey; side: Side | null }[];
  /** Rep indices it shows on, ascending. */
  reps: number[];
  /** True when it grows over the set. */
  fatigue?: boolean;
}

/** A fault this view could not check, and why. */
export interface VerdictNotChecked {
  fault: Fault;
  /** "knee valgus" */
  noun: string;
  reason: string | null;
}

/** The set in one sentence and at most three things to work on. */
export interface Verdict {
  sentence: string;
  items: VerdictItem[];
  /** 'fine' = nothing to work on in what this view can measure; 'no_reps' = no rep to judge. */
  status: 'fine' | 'work_on' | 'no_reps';
  /** What could not be checked from this view (named beside "looks fine"). */
  notChecked: VerdictNotChecked[];
}

export interface Analysis {
  /** Format version of this object (v1 files had `version: 1` instead). */
  formatVersion: typeof ANALYSIS_FORMAT_VERSION;
  source: PoseSource;
  model: string;
  view: ViewEstimate;
  /** Degrees the camera was rolled (removed before measuring). */
  cameraRollDeg: number;
  measurability: Record<MetricKey, Measurability>;
  /** The per-frame metrics as columns; replaces v1 `frames`. */
  series: FrameSeries;
  reps: Rep[];
  asymmetries: Asymmetry[];
  findings: Finding[];
  warnings: AnalysisWarning[];
  /** Share of frames with a person found, 0..1. */
  poseCoverage: number;
  /** What the set was judged against. */
  settings: AnalysisSettings;
  /** One sentence and at most three items (issue 9); absent until the verdict stage fills it. */
  verdict?: Verdict;
}

export interface AnalyzeOptions {
  /** 'recorded' = zero-phase filtering; 'live' = causal One Euro filter. */
  mode?: 'recorded' | 'live';
  /** The lifter says how the camera looked at them: skips view detection for the whole clip. */
  view?: ViewKind;
  /** The depth to judge the reps against (default 'parallel'). */
  depthTarget?: DepthTarget;
}
