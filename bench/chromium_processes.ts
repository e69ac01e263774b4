/**
 * What the benches read about the Chromium they launched: its process tree from Linux /proc
 * (memory, CPU time) and the page's main-thread task time from the DevTools protocol.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';

/** Children of every process, by parent pid (Linux /proc). */
export function processChildren(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended meanwhile.
    }
  }
  return children;
}

/** The Chromium this process launched last (playwright-core starts it as our child). */
export function launchedChromiumPid(): number | null {
  const mine = (processChildren().get(process.pid) ?? []).filter((pid) => {
    try {
      return /chrom/i.test(readFileSync(`/proc/${pid}/comm`, 'utf8'));
    } catch {
      return false;
    }
  });
  return mine.length ? Math.max(...mine) : null;
}

/** Calls `visit(pid)` on a process and all its descendants (a process that is gone is skipped). */
function forEachInTree(rootPid: number, visit: (pid: number) => void): void {
  const children = processChildren();
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      visit(pid);
    } catch {
      // Gone, or not ours to read.
    }
    stack.push(...(children.get(pid) ?? []));
  }
}

/** Sum of `read(pid)` over a process and all its descendants (a process that is gone reads 0). */
function sumOverTree(rootPid: number, read: (pid: number) => number): number {
  let total = 0;
  forEachInTree(rootPid, (pid) => {
    total += read(pid);
  });
  return total;
}

/** Sum of PSS (proportional set size: shared pages split between their users) of a process tree, MB. */
export function treePssMB(rootPid: number): number {
  return (
    sumOverTree(rootPid, (pid) => {
      const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      return m ? Number(m[1]) : 0;
    }) / 1024
  );
}

let clockTicks = 0;

/** User + system CPU time in a /proc stat line (a process's or a thread's), ms. */
function statCpuMs(path: string): number {
  // Counted in clock ticks (USER_HZ, nearly always 100).
  clockTicks ||= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  const stat = readFileSync(path, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / clockTicks;
}

/** CPU time (user + system) used so far by a process tree, ms (threads that ended included). */
export function treeCpuMs(rootPid: number): number {
  return sumOverTree(rootPid, (pid) => statCpuMs(`/proc/${pid}/stat`));
}

/**
 * CPU time (user + system) used so far by every living thread of a process tree, ms, by Chromium
 * process type and thread name (/proc/<pid>/task/<tid>/comm): "renderer/DedicatedWorker",
 * "renderer/ThreadPoolForeg", "browser/Chrome_IOThread". A thread that ended since the last call
 * takes its time with it, so compare two calls over a stretch in which the threads live on.
 */
export function treeThreadCpuMs(rootPid: number): Map<string, number> {
  const byName = new Map<string, number>();
  forEachInTree(rootPid, (pid) => {
    const processType = /--type=([a-z-]+)/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' '))?.[1] ?? 'browser';
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        const name = `${processType}/${readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim()}`;
        byName.set(name, (byName.get(name) ?? 0) + statCpuMs(`/proc/${pid}/task/${tid}/stat`));
      } catch {
        // The thread ended meanwhile.
      }
    }
  });
  return byName;
}

/** The page's main-thread task time so far, s (DevTools Performance.getMetrics TaskDuration; Performance.enable first). */
export async function mainThreadTaskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN;
}
