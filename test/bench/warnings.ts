/**
 * The SDK warns on every process start that its releases after January 2027 need Node 22;
 * the benchmark's processes run on the machine's Node 20, so the warning says nothing here.
 * Other warnings are printed as usual.
 */
export function hideSdkNodeVersionWarning(): void {
  process.removeAllListeners('warning');
  process.on('warning', (w: Error) => {
    if (w.name !== 'NodeVersionSupportWarning' && !String(w.message).includes('NodeVersionSupportWarning')) {
      process.stderr.write(`${w.name}: ${w.message}\n`);
    }
  });
}
