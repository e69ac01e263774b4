/**
 * Where a clip's key frames are, near given times: decoding can only start at a key frame, so a
 * pose worker asked for frames from time t first decodes, and throws away, every frame from the
 * key frame before t (mediabunny's VideoSampleSink.samples does exactly that). The pipeline
 * reads this to cut a clip between workers where that costs least (pipeline/video_parts.ts).
 */
import { ALL_FORMATS, BlobSource, EncodedPacketSink, Input } from 'mediabunny';

/** Key frames around one time, seconds (presentation times). */
export interface KeyFramesNear {
  /** The last key frame at or before the time: where decoding from that time starts. */
  before: number | null;
  /** The key frame after `before`. */
  after: number | null;
}

/**
 * For each time, the presentation time of the last key frame at or before it and of the next one
 * after that, in seconds (null where there is none, or where the file cannot say). Never throws:
 * a clip whose key frames cannot be read is cut where it would have been anyway.
 */
export async function keyFramesNear(file: Blob, times: readonly number[]): Promise<KeyFramesNear[]> {
  const unknown = times.map(() => ({ before: null, after: null }));
  const input = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
  try {
    const track = await input.getPrimaryVideoTrack();
    if (!track) return unknown;
    const sink = new EncodedPacketSink(track);
    // Verified from the bitstream, as the sample sink that decodes the frames verifies them: a
    // container that marks a frame "key" wrongly must not move a cut to where decoding cannot start.
    const options = { verifyKeyPackets: true };
    const out: KeyFramesNear[] = [];
    for (const t of times) {
      const before = Number.isFinite(t) ? await sink.getKeyPacket(t, options) : null;
      const after = before ? await sink.getNextKeyPacket(before, options) : null;
      out.push({ before: before?.timestamp ?? null, after: after?.timestamp ?? null });
    }
    return out;
  } catch {
    return unknown;
  } finally {
    input.dispose();
  }
}
