/**
 * Worker of tests/support/limits_child.ts: every 100 ms, writes the child
 * process's CPU time as a line `{"cpuMs": N}` on stdout, from its own
 * thread, so the parent's watchdog can tell a case that spins (CPU time
 * grows while the main thread is busy in the VM) from one that waits for a
 * core on a loaded machine. Lines are short, so each write is atomic.
 */

import process from "node:process";

const encoder = new TextEncoder();
setInterval(() => {
  const usage = process.cpuUsage();
  const cpuMs = (usage.user + usage.system) / 1000;
  Deno.stdout.writeSync(encoder.encode(JSON.stringify({ cpuMs }) + "\n"));
}, 100);
