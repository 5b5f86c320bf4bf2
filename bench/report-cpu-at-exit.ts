// `node --import dist/bench/report-cpu-at-exit.js ...`: at exit, prints the process's own CPU
// time (user + system, ms) on stderr as `lazify-bench-cpu-ms <n>`. On a machine loaded far past
// its cores a start-up's wall time is mostly waiting for a core; its CPU time is not.
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`\nlazify-bench-cpu-ms ${(user + system) / 1000}\n`);
});
