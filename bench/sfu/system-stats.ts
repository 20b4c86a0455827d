import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** Linux /proc readers: CPU time per process group, whole-machine CPU, UDP socket drops. */

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

function readStat(pid: number): { comm: string; ppid: number; cpuSeconds: number; startTime: number } | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = text.lastIndexOf(')');
    const comm = text.slice(text.indexOf('(') + 1, close);
    const fields = text.slice(close + 2).split(' ');
    // After "(comm) ": state(0) ppid(1) … utime(11) stime(12) … starttime(19).
    return { comm, ppid: Number(fields[1]), cpuSeconds: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS, startTime: Number(fields[19]) };
  } catch {
    return null;
  }
}

export interface CpuSample {
  /** CPU seconds of the processes under `root`, by group. */
  groups: Record<string, number>;
  /** CPU seconds of every other user-space process, by pid:starttime (kernel threads left out). */
  foreign: Map<string, number>;
  /** CPU seconds of kernel threads (softirq work for everyone's packets, ours included). */
  kernelThreads: Map<string, number>;
  machine: { busy: number; total: number; softirq: number; steal: number };
}

/** CPU seconds of every process under `root` (inclusive) by group, and of everyone else's processes. */
export function sampleCpu(root: number, classify: (pid: number, comm: string) => string): CpuSample {
  const stats = new Map<number, NonNullable<ReturnType<typeof readStat>>>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) stats.set(Number(entry), stat);
  }
  const children = new Map<number, number[]>();
  for (const [pid, stat] of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), pid]);
  const groups: Record<string, number> = {};
  const mine = new Set<number>();
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    mine.add(pid);
    const stat = stats.get(pid);
    if (stat) {
      const group = classify(pid, stat.comm);
      groups[group] = (groups[group] ?? 0) + stat.cpuSeconds;
    }
    queue.push(...(children.get(pid) ?? []));
  }
  const foreign = new Map<string, number>();
  const kernelThreads = new Map<string, number>();
  for (const [pid, stat] of stats) {
    if (mine.has(pid)) continue;
    // Kernel threads (kthreadd, pid 2, and its children) do the machine's softirq work, ours included.
    if (pid === 2 || stat.ppid === 2) kernelThreads.set(`${pid}:${stat.startTime}`, stat.cpuSeconds);
    else foreign.set(`${pid}:${stat.startTime}`, stat.cpuSeconds);
  }
  return { groups, foreign, kernelThreads, machine: machineCpu() };
}

function deltaByKey(start: Map<string, number>, end: Map<string, number>): number {
  let total = 0;
  for (const [key, seconds] of end) total += seconds - (start.get(key) ?? 0);
  return total;
}

/**
 * CPU seconds other people's processes took between two samples: the larger of what the
 * still-running ones report and what the machine was busy with beyond the benchmark and the
 * kernel threads (short-lived processes, a build's workers, exit before they can be counted).
 */
export function foreignCpuSeconds(start: CpuSample, end: CpuSample): number {
  const counted = deltaByKey(start.foreign, end.foreign);
  const mine = Object.entries(end.groups).reduce((sum, [group, seconds]) => sum + seconds - (start.groups[group] ?? 0), 0);
  const kernel = deltaByKey(start.kernelThreads, end.kernelThreads);
  const unaccounted = end.machine.busy - start.machine.busy - mine - kernel;
  return Math.max(counted, unaccounted);
}

export function kernelThreadCpuSeconds(start: CpuSample, end: CpuSample): number {
  return deltaByKey(start.kernelThreads, end.kernelThreads);
}

/** Whole-machine CPU: busy and total jiffies (all cores), and softirq separately. */
export function machineCpu(): { busy: number; total: number; softirq: number; steal: number } {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number) as number[];
  // Steal (the hypervisor running someone else) is not busy time of this machine's processes.
  const busy = user! + nice! + system! + irq! + softirq!;
  return { busy: busy / CLOCK_TICKS, total: (busy + idle! + iowait! + (steal ?? 0)) / CLOCK_TICKS, softirq: softirq! / CLOCK_TICKS, steal: (steal ?? 0) / CLOCK_TICKS };
}

/** Kernel drop counters of the UDP sockets bound to these local ports (IPv4). */
export function udpDropsByPort(ports: Iterable<number>): Map<number, number> {
  const wanted = new Set(ports);
  const drops = new Map<number, number>();
  const lines = fs.readFileSync('/proc/net/udp', 'utf8').split('\n').slice(1);
  for (const line of lines) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 13) continue;
    const port = parseInt(cols[1]!.split(':')[1]!, 16);
    if (wanted.has(port)) drops.set(port, (drops.get(port) ?? 0) + Number(cols[12]));
  }
  return drops;
}

/** Machine-wide UDP receive errors (a full socket buffer counts in both). */
export function udpErrors(): { inErrors: number; rcvbufErrors: number } {
  const lines = fs.readFileSync('/proc/net/snmp', 'utf8').split('\n').filter((l) => l.startsWith('Udp:'));
  const names = lines[0]!.split(/\s+/).slice(1);
  const values = lines[1]!.split(/\s+/).slice(1).map(Number);
  const get = (name: string) => values[names.indexOf(name)] ?? 0;
  return { inErrors: get('InErrors'), rcvbufErrors: get('RcvbufErrors') };
}

export function cpuModel(): string {
  try {
    const match = /model name\s*:\s*(.+)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    return match?.[1]?.trim() ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
