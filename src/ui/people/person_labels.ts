/** Words for each person on the picker frame, from where they stand: "on the left", "in the middle", ... */
import type { FrameBox } from '../../core/types';

export function personLabels(boxes: Array<{ id: number; box: FrameBox }>): Map<number, string> {
  const order = [...boxes].sort((a, b) => a.box.x + a.box.width / 2 - (b.box.x + b.box.width / 2));
  const words =
    order.length === 2
      ? ['on the left', 'on the right']
      : order.length === 3
        ? ['on the left', 'in the middle', 'on the right']
        : order.map((_, i) => `${i + 1}${['st', 'nd', 'rd'][i] ?? 'th'} from the left`);
  return new Map(order.map((p, i) => [p.id, words[i]]));
}
