import { describe, expect, it } from 'vitest';
import { column, columnValue } from '../../../src/core/series';
import { metricDef } from '../../../src/core/metrics/registry';
import { overlayLabels } from '../../../src/render/overlay_labels';
import { overlayMetricsFor } from '../../../src/ui/report/labels';
import { makeSampleAnalysis } from '../../support/sample_analysis';

describe('overlay labels on the analysed video', () => {
  it('writes the value of the frame on screen (the last frame at or before t), highlighted metric first', () => {
    const analysis = makeSampleAnalysis();
    const t = (analysis.series.t[10] + analysis.series.t[11]) / 2;
    const labels = overlayLabels(analysis, t, ['kneeFlexionDeg'], { metric: 'trunkTibiaDeg', side: null });
    expect(labels[0]!.emphasis).toBe(true);
    expect(labels[0]!.text).toMatch(/^trunk \d+° more (forward|upright) than the shins$/);
    expect(labels.slice(1).every((label) => !label.emphasis)).toBe(true);
    const kneeLeft = columnValue(analysis.series, 'kneeFlexionDeg', 'left', 10);
    const leftLabel = labels.find((label) => label.text.startsWith('L knee bent'));
    if (kneeLeft === null) expect(leftLabel).toBeUndefined();
    else expect(leftLabel!.text).toContain(String(Math.round(kneeLeft)));
  });

  it('labels nothing before the first frame or without an analysis', () => {
    const analysis = makeSampleAnalysis();
    expect(overlayLabels(analysis, analysis.series.t[0] - 1, ['kneeFlexionDeg'], null)).toEqual([]);
    expect(overlayLabels(null, 1, ['kneeFlexionDeg'], null)).toEqual([]);
  });

  it('leaves out a side the camera could not see, unless it is the highlighted metric', () => {
    const analysis = makeSampleAnalysis();
    const t = analysis.series.t[5];
    column(analysis.series, 'kneeFlexionDeg', 'left')!.value[5] = 90;
    const right = column(analysis.series, 'kneeFlexionDeg', 'right')!;
    right.value[5] = NaN;
    right.confidence[5] = 0;
    const plain = overlayLabels(analysis, t, ['kneeFlexionDeg'], null).map((label) => label.text);
    expect(plain).toContain('L knee bent 90°');
    expect(plain.some((text) => text.startsWith('R '))).toBe(false);
    const asked = overlayLabels(analysis, t, [], { metric: 'kneeFlexionDeg', side: 'right' }).map((label) => label.text);
    expect(asked).toEqual([expect.stringMatching(/^R Knee bend not measurable/)]);
  });

  it('from the front labels the knee with knee drift, the measure the knee verdict uses, in short words', () => {
    const analysis = makeSampleAnalysis();
    const front = { measurable: true, reason: null, confidence: 0.9, view: 'front' as const };
    const notFromFront = { measurable: false, reason: 'needs a side view', confidence: 0, view: 'front' as const };
    const m = { ...analysis.measurability, kneeFlexionDeg: notFromFront, torsoAngleDeg: notFromFront, trunkTibiaDeg: notFromFront, kneeDrift: front, kneeValgusDeg: front };
    expect(overlayMetricsFor(m, 1)).toEqual(['kneeDrift']);
    expect(overlayMetricsFor(m)).not.toContain('kneeValgusDeg');
    const left = column(analysis.series, 'kneeDrift', 'left')!;
    const right = column(analysis.series, 'kneeDrift', 'right')!;
    left.value[5] = 0.06; left.confidence[5] = 0.9;
    right.value[5] = -0.02; right.confidence[5] = 0.9;
    const texts = overlayLabels(analysis, analysis.series.t[5], ['kneeDrift'], null).map((label) => label.text);
    // 0.06 and 0.02 of an 83.5 cm leg (Winter's 0.491 of 1.7 m): 5 cm and 1.7 cm, shown whole.
    expect(texts).toEqual(['L knee 5 cm in', 'R knee 2 cm out']);
    // The short words say what the report's own words say.
    expect(metricDef('kneeDrift').plain(0.06)).toMatch(/^knee 5 cm further in/);
  });
});
