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

/** Sum of `read(pid)` over a process and all its descendants (a process that is gone reads 0). */
function sumOverTree(rootPid: number, read: (pid: number) => number): number {
  const children = processChildren();
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      total += read(pid);
    } catch {
      // Gone, or not ours to read.
    }
    stack.push(...(children.get(pid) ?? []));
  }
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

/** CPU time (user + system) used so far by a process tree, ms. */
export function treeCpuMs(rootPid: number): number {
  // /proc/<pid>/stat counts CPU time in clock ticks (USER_HZ, nearly always 100).
  clockTicks ||= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return sumOverTree(rootPid, (pid) => {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / clockTicks;
  });
}

/**
 * CPU time (user + system) used so far by every thread of a process tree, ms, by thread name
 * (/proc/<pid>/task/<tid>/comm, e.g. "DedicatedWorker", "CrRendererMain", "ThreadPoolForeg"),
 * with each process's own name in front ("chrome/DedicatedWorker"). A thread that ended since the
 * last call takes its time with it, so compare two calls over a stretch in which threads live on.
 */
export function treeThreadCpuMs(rootPid: number): Map<string, number> {
  clockTicks ||= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  const byName = new Map<string, number>();
  sumOverTree(rootPid, (pid) => {
    const processType = /--type=([a-z-]+)/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' '))?.[1] ?? 'browser';
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const name = `${processType}/${readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim()}`;
        byName.set(name, (byName.get(name) ?? 0) + ((Number(f[11]) + Number(f[12])) * 1000) / clockTicks);
      } catch {
        // The thread ended meanwhile.
      }
    }
    return 0;
  });
  return byName;
}

/** The page's main-thread task time so far, s (DevTools Performance.getMetrics TaskDuration; Performance.enable first). */
export async function mainThreadTaskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN;
}
