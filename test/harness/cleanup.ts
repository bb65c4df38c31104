/**
 * Stops what the harness started when the process ends: normally, by an uncaught error, or
 * by SIGINT/SIGTERM/SIGHUP. Each registered function must work synchronously (kill a
 * process group, remove a folder). On a signal the process then exits with 128 + its
 * number, unless the program has its own handler for that signal.
 */
const cleanups = new Set<() => void>();
let installed = false;

function runAll(): void {
  for (const fn of [...cleanups].reverse()) {
    cleanups.delete(fn);
    try {
      fn();
    } catch {
      // keep going: the others must still run
    }
  }
}

function install(): void {
  if (installed) {
    return;
  }
  installed = true;
  process.on('exit', runAll);
  const signals: Array<[NodeJS.Signals, number]> = [
    ['SIGINT', 2],
    ['SIGTERM', 15],
    ['SIGHUP', 1],
  ];
  for (const [signal, number] of signals) {
    process.on(signal, () => {
      process.stderr.write(`\n[harness] ${signal}: stopping the test VS Code\n`);
      runAll();
      // A program with its own handler for the signal (e.g. a graceful stop) exits itself.
      if (process.listenerCount(signal) <= 1) {
        process.exit(128 + number);
      }
    });
  }
}

/** Registers `fn` to run at exit; returns a function that unregisters it. */
export function onExit(fn: () => void): () => void {
  install();
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

/** Sends `signal` to the process group led by `pid` (started with `detached: true`). */
export function killGroup(pid: number | undefined, signal: NodeJS.Signals): boolean {
  if (!pid) {
    return false;
  }
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}
