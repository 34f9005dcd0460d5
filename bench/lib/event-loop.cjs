// Preloaded (node -r) into the API and the raw baseline server by `bench/intake-load.mjs`: how busy a server's
// event loop was over the timed phase. Every 100 ms it writes the process's event-loop time so far (idle and
// active ms, performance.eventLoopUtilization) to BENCH_EVENT_LOOP_FILE; the bench reads the file before and
// after the phase (lib/measure.mjs eventLoopBusy). A loop busy all the time is the process's ceiling: more
// clients then only wait longer. Busy is not CPU: time in a system call, or preempted inside one by another
// process on a shared core, counts as busy too (bench/README.md `intake`, 2026-12-04 afternoon).
const { performance } = require('node:perf_hooks');
const { renameSync, writeFileSync } = require('node:fs');

const file = process.env.BENCH_EVENT_LOOP_FILE;
if (file) {
  const write = () => {
    const { idle, active } = performance.eventLoopUtilization();
    writeFileSync(`${file}.tmp`, JSON.stringify({ idle, active }));
    renameSync(`${file}.tmp`, file); // a reader never sees half a file
  };
  setInterval(write, 100).unref();
}
