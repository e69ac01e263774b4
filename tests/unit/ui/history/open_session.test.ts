import { describe, expect, it } from 'vitest';
import { sessionToLoadedVideo } from '../../../../src/ui/history/open_session';
import type { OpenedSession } from '../../../../src/store/history_db';
import type { HistorySession, SessionOrigin } from '../../../../src/store/history_types';
import { makeSampleAnalysis, makeSampleTrack } from '../../../support/sample_analysis';

function opened(origin: SessionOrigin): OpenedSession {
  const session = {
    id: '0123456789abcdef', createdAt: Date.UTC(2026, 2, 1), name: 'set.webm', origin, view: 'front', model: 'blazepose-full',
    note: '', durationS: 4, width: 640, height: 480, fps: 30,
  } as HistorySession;
  return { session, analysis: makeSampleAnalysis(), track: makeSampleTrack(), video: null };
}

describe('a stored session reopened as a loaded video', () => {
  it('shows a camera recording mirrored, as its live preview was, and an upload as filmed', () => {
    expect(sessionToLoadedVideo(opened('recording')).previewMirrored).toBe(true);
    expect(sessionToLoadedVideo(opened('upload')).previewMirrored).toBeFalsy();
  });
  it('without a kept video: an empty file and no URL (the report shows the numbers only)', () => {
    const v = sessionToLoadedVideo(opened('upload'));
    expect(v.url).toBe('');
    expect(v.file.size).toBe(0);
  });
});
