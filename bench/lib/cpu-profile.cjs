// Preloaded into the API by `bench/intake-load.mjs --cpu-prof <dir>` (node -r), and into the worker by
// `bench/notifications-throughput.mjs --cpu-prof <dir>`: a V8 CPU profile of the timed phase only. The
// first SIGWINCH starts the profiler, the second stops it and writes
// <dir>/<BENCH_CPU_PROFILE_NAME, default api>-<pid>.cpuprofile (open it in Chrome DevTools or speedscope), then prints `cpu profile
// written`. (node --cpu-prof would cover start-up too, and writes nothing when Nest re-raises SIGTERM; SIGWINCH
// because Nest's shutdown hooks take SIGUSR2 and node's inspector SIGUSR1.)
const { Session } = require('node:inspector');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.BENCH_CPU_PROFILE_DIR;
const session = new Session();
session.connect();
let running = false;
process.on('SIGWINCH', () => {
  if (!running) {
    running = true;
    session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval: 500 }, () => session.post('Profiler.start')));
    return;
  }
  session.post('Profiler.stop', (err, result) => {
    if (err) {
      console.error(`cpu profile failed: ${err.message}`);
      return;
    }
    writeFileSync(join(dir, `${process.env.BENCH_CPU_PROFILE_NAME || 'api'}-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    console.log('cpu profile written');
  });
});
