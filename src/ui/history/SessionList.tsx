/**
 * Every stored session, newest first: date, clip, view, reps, the faults flagged, the user's
 * note (edited in place), whether its video is kept, and open / remove video / delete.
 */
import { useEffect, useState } from 'react';
import type { Fault } from '../../core/types';
import type { HistorySession } from '../../store/history_types';
import { FAULT_LABELS } from '../report/labels';
import { formatBytes, formatSessionDate, viewWords } from './progress_display';

export interface SessionListProps {
  sessions: readonly HistorySession[];
  onOpen: (id: string) => void;
  onNote: (id: string, note: string) => Promise<void>;
  onDropVideo: (id: string) => Promise<void>;
  onDelete: (id: string) => Promise<void>;
}

function NoteField({ session, onNote }: { session: HistorySession; onNote: SessionListProps['onNote'] }) {
  const [text, setText] = useState(session.note);
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  useEffect(() => setText(session.note), [session.note]);
  const save = async () => {
    if (text === session.note) return;
    setState('saving');
    await onNote(session.id, text.trim());
    setState('saved');
  };
  return (
    <label className="session-note">
      <span className="visually-hidden">Note for {session.name}</span>
      <input
        type="text"
        value={text}
        placeholder="Add a note or tag, e.g. after 2 weeks of ankle mobility"
        maxLength={200}
        onChange={(event) => {
          setText(event.target.value);
          setState('idle');
        }}
        onBlur={() => void save()}
        onKeyDown={(event) => {
          if (event.key === 'Enter') void save();
        }}
        data-testid="session-note"
      />
      <span className="muted small" aria-live="polite">
        {state === 'saving' ? 'Saving…' : state === 'saved' ? 'Saved' : ''}
      </span>
    </label>
  );
}

function faultsText(session: HistorySession): string {
  const entries = Object.entries(session.summary.flaggedReps) as [Fault, number][];
  if (entries.length === 0) return 'no faults flagged';
  return entries.map(([fault, n]) => `${FAULT_LABELS[fault] ?? fault} ×${n}`).join(', ');
}

export function SessionList({ sessions, onOpen, onNote, onDropVideo, onDelete }: SessionListProps) {
  const newestFirst = [...sessions].reverse();
  return (
    <section className="panel session-list" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Sessions ({sessions.length})</h2>
      <ul>
        {newestFirst.map((s) => (
          <li key={s.id} data-testid="history-session" data-session-id={s.id} data-view={s.view}>
            <div className="session-head">
              <strong className="session-name">{s.name}</strong>
              <span className="muted small">
                {formatSessionDate(s.createdAt)} · filmed from {viewWords(s.view)} · {s.summary.repCount} rep{s.summary.repCount === 1 ? '' : 's'} ·{' '}
                {s.origin === 'recording' ? 'recorded here' : 'uploaded'} · BlazePose {s.model.replace('blazepose-', '')}
              </span>
              <span className="small">{faultsText(s)}</span>
            </div>
            <NoteField session={s} onNote={onNote} />
            <div className="session-actions">
              <button type="button" className="button primary" onClick={() => onOpen(s.id)} data-testid="open-session">
                Open report
              </button>
              {s.video ? (
                <button type="button" className="button subtle" onClick={() => void onDropVideo(s.id)} aria-label={`Remove the video of ${s.name} (${formatBytes(s.video.bytes)}); keep its numbers`}>
                  Remove video ({formatBytes(s.video.bytes)})
                </button>
              ) : (
                <span className="muted small">video not kept</span>
              )}
              <button
                type="button"
                className="button subtle"
                onClick={() => {
                  if (window.confirm(`Delete the session "${s.name}" of ${formatSessionDate(s.createdAt)} from this device? This cannot be undone.`)) void onDelete(s.id);
                }}
                aria-label={`Delete the session ${s.name}`}
              >
                Delete
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
