/** Helpers for the e2e tests of the report: folds, scroll regions, what is cut off. */
import type { Page } from 'playwright-core';

/** Opens a fold of the report by clicking its summary, as a person would, and waits for its content. */
export async function openFold(page: Page, id: string): Promise<void> {
  const details = page.locator(`details[data-fold="${id}"]`);
  if (!(await details.evaluate((d: HTMLDetailsElement) => d.open))) await details.locator('summary').click();
  await page.waitForFunction((fold) => (document.querySelector(`details[data-fold="${fold}"]`) as HTMLDetailsElement).open, id);
}

export async function openAllFolds(page: Page): Promise<void> {
  const ids = await page.evaluate(() => [...document.querySelectorAll('details[data-fold]')].map((d) => d.getAttribute('data-fold')!));
  for (const id of ids) await openFold(page, id);
}

export interface ScrollRegion {
  describe: string;
  tabIndex: number;
  label: string | null;
  scrollsX: boolean;
  scrollsY: boolean;
}

/** Every element that scrolls (overflow auto/scroll with more content than room), besides the page itself. */
export async function scrollRegions(page: Page): Promise<ScrollRegion[]> {
  return page.evaluate(() => {
    const out: ScrollRegion[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const style = getComputedStyle(el);
      const scrollsX = /(auto|scroll)/.test(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
      const scrollsY = /(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
      if (!scrollsX && !scrollsY) continue;
      out.push({
        describe: `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`,
        tabIndex: el.tabIndex,
        label: el.getAttribute('aria-label') ?? el.getAttribute('aria-labelledby'),
        scrollsX,
        scrollsY,
      });
    }
    return out;
  }) as Promise<ScrollRegion[]>;
}

/**
 * Elements matching `selector` that are not fully visible: outside the page's width, or cut off by
 * an ancestor that clips (overflow other than visible), i.e. hidden behind a scroll or a crop.
 */
export async function clippedElements(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const bad: string[] = [];
    const width = document.documentElement.clientWidth;
    for (const el of document.querySelectorAll<HTMLElement>(sel)) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const name = `${el.getAttribute('data-measure') ?? el.tagName} "${(el.textContent ?? '').slice(0, 40)}"`;
      if (r.left < -0.5 || r.right > width + 0.5) {
        bad.push(`${name}: outside the page (${r.left.toFixed(0)}..${r.right.toFixed(0)} of ${width})`);
        continue;
      }
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const ar = a.getBoundingClientRect();
        if (r.left < ar.left - 0.5 || r.right > ar.right + 0.5 || r.top < ar.top - 0.5 || r.bottom > ar.bottom + 0.5) {
          bad.push(`${name}: cut off by ${a.tagName.toLowerCase()}.${[...a.classList].join('.')}`);
          break;
        }
      }
    }
    return bad;
  }, selector);
}

/**
 * Presses Tab up to `max` times from the top of the page and returns the elements that got focus
 * (tag.classes|aria-label), each once. Stops once focus has left the page twice (it went round).
 * A <video> with controls keeps focus for several presses (its own buttons), so repeats are normal.
 */
export async function tabStops(page: Page, max = 600): Promise<string[]> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  const seen = new Set<string>();
  let left = 0;
  for (let i = 0; i < max && left < 2; i++) {
    await page.keyboard.press('Tab');
    const d = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      return `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}|${el.getAttribute('aria-label') ?? ''}`;
    });
    if (d === null) left++;
    else seen.add(d);
  }
  return [...seen];
}

/** Puts the review's scrub bar at a clock time, as dragging it there would (React hears the input event). */
export async function setScrub(page: Page, clockS: number): Promise<void> {
  await page.getByTestId('review-scrub').evaluate((input: HTMLInputElement, value: number) => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, String(value));
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, clockS);
}
