/**
 * "Who is the lifter?": shown when several people were in the picture. The first frame where
 * they are all seen, a box over each person; tapping a box (or anywhere near a person), or
 * choosing it with the keyboard, makes the report follow that person.
 */
import { useState, type MouseEvent } from 'react';
import type { FrameBox } from '../../core/types';
import { personAt, type PeopleFound } from '../../pipeline/person_choice';
import { personLabels } from './person_labels';
import './people.css';

export interface PeoplePickerProps {
  /** Object URL of the video. */
  url: string;
  /** Displayed frame size, for the frame's shape. */
  width: number;
  height: number;
  fps: number;
  people: PeopleFound;
  /** Follow another person; resolves once the report shows them. */
  onFollow: (id: number) => Promise<void>;
}

const COUNT_WORDS = ['', 'One', 'Two', 'Three', 'Four', 'Five'];
/** Keypoints sit inside the body (eyes, ankles): grow the box so it frames the whole person. */
const BOX_PAD = 0.08;

function padded(box: FrameBox): FrameBox {
  const dx = BOX_PAD * box.height * 0.5;
  const dy = BOX_PAD * box.height;
  const x = Math.max(0, box.x - dx);
  const y = Math.max(0, box.y - dy);
  return { x, y, width: Math.min(1, box.x + box.width + dx) - x, height: Math.min(1, box.y + box.height + dy) - y };
}

export function PeoplePicker({ url, width, height, fps, people, onFollow }: PeoplePickerProps) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const { picker, followedId } = people;
  const labels = personLabels(picker.boxes);
  const count = COUNT_WORDS[people.candidates.length] ?? String(people.candidates.length);

  const follow = async (id: number) => {
    if (busy || id === followedId) return;
    setBusy(true);
    setFailed(null);
    try {
      await onFollow(id);
    } catch (error) {
      setFailed(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const onFrameClick = (event: MouseEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const id = personAt(picker.boxes, { x: (event.clientX - rect.left) / rect.width, y: (event.clientY - rect.top) / rect.height });
    if (id !== null) void follow(id);
  };

  return (
    <section className="panel people-picker no-print" aria-labelledby="people-picker-heading" data-testid="people-picker">
      <h2 id="people-picker-heading">Who is the lifter?</h2>
      <p>
        {count} people were in the picture. The report follows the one marked <strong>followed</strong>
        {followedId !== null && labels.get(followedId) ? ` (${labels.get(followedId)})` : ''}. Not the lifter? Tap the lifter.
      </p>
      <div
        className="people-frame"
        style={{ aspectRatio: `${width} / ${height}` }}
        onClick={onFrameClick}
        data-testid="people-frame"
      >
        <video
          src={url}
          muted
          playsInline
          preload="auto"
          aria-label="The first frame with everyone found"
          // Half a frame in, so the browser shows the picker frame itself, not the one before.
          onLoadedMetadata={(event) => {
            event.currentTarget.currentTime = picker.t + 0.5 / (fps || 30);
          }}
        />
        {picker.boxes.map(({ id, box: tight }) => {
          const box = padded(tight);
          const followed = id === followedId;
          const where = labels.get(id) ?? '';
          return (
            <button
              key={id}
              type="button"
              className="person-box"
              data-testid={`person-box-${id}`}
              data-followed={followed ? 'true' : 'false'}
              aria-pressed={followed}
              aria-label={followed ? `The person ${where}: followed` : `Follow the person ${where}`}
              disabled={busy}
              style={{
                left: `${box.x * 100}%`,
                top: `${box.y * 100}%`,
                width: `${box.width * 100}%`,
                height: `${box.height * 100}%`,
              }}
              onClick={(event) => {
                event.stopPropagation();
                void follow(id);
              }}
            >
              <span className="person-tag">{followed ? 'followed' : 'follow'}</span>
            </button>
          );
        })}
      </div>
      <p className="muted small" role="status" data-testid="people-picker-status">
        {busy ? 'Analysing the other person…' : failed ? `Could not follow that person: ${failed}` : ''}
      </p>
    </section>
  );
}
