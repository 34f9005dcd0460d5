/**
 * What the benchmarks measure with and print: CPU seconds from /proc (Linux; nothing elsewhere), a server's
 * event-loop time (lib/event-loop.cjs) and aligned tables in a terminal where CJK characters take two columns.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Display width in a terminal: CJK characters take two columns. */
const width = (s) => [...String(s)].reduce((w, ch) => w + (ch.codePointAt(0) >= 0x2e80 ? 2 : 1), 0);
const pad = (v, w, right) => (right ? ' '.repeat(w - width(v)) + v : v + ' '.repeat(w - width(v)));

/** Rows (the first is the header) as an aligned table; `align[c] === 'r'` right-aligns column c. */
export function table(rows, align = []) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => width(r[c]))));
  const line = (r) => r.map((v, c) => pad(String(v), widths[c], align[c] === 'r')).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** CPU seconds (user + system) a process has used so far; null where /proc cannot tell. */
export function processCpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return null;
  }
}

/** CPU seconds of every PostgreSQL backend serving `dbName`, by pid (empty where /proc cannot tell). */
export function postgresCpuSeconds(dbName) {
  const out = new Map();
  let pids = [];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return out;
  }
  for (const pid of pids) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmd.startsWith('postgres:') && cmd.includes(` ${dbName} `)) out.set(pid, processCpuSeconds(pid) ?? 0);
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

/** PostgreSQL CPU spent on `dbName` since `before` (a postgresCpuSeconds snapshot), per backend, so a backend that started meanwhile counts from zero. */
export function postgresCpuSince(before, dbName) {
  return [...postgresCpuSeconds(dbName)].reduce((sum, [pid, s]) => sum + s - (before.get(pid) ?? 0), 0);
}

/** A server's event-loop time so far (ms idle, ms active), as lib/event-loop.cjs last wrote it; null before its first write. */
export function eventLoopTotals(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** The share of the time between two eventLoopTotals readings that the event loop was busy; null without both. */
export function eventLoopBusy(before, after) {
  if (!before || !after) return null;
  const active = after.active - before.active;
  const idle = after.idle - before.idle;
  return active + idle > 0 ? active / (active + idle) : null;
}

/** Peak resident set size of a process so far (VmHWM), in MiB; null where /proc cannot tell. */
export function peakRssMiB(pid) {
  try {
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return kb ? Number(kb[1]) / 1024 : null;
  } catch {
    return null;
  }
}
