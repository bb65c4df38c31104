/**
 * The local Lambda emulator in a process of its own, so that it never shares an event loop
 * with the client being measured. Started by `EmulatorProcess.start()` (fork); options
 * come as JSON in argv[2]; commands arrive over IPC and are answered with `{ id, ok }`.
 */
import { startEmulator, type Emulator } from '../emulator';
import type { EmulatorCommand, EmulatorOptions, EmulatorReply } from './emulatorClient';

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as EmulatorOptions;
  const emulator: Emulator = await startEmulator({
    port: 0,
    seed: options.seed,
    synthetic: options.synthetic,
    liveTailIntervalMs: options.liveTailIntervalMs,
    logsPageSize: options.logsPageSize,
    quiet: true,
  });
  for (const extra of options.moreSynthetic ?? []) {
    emulator.seedSynthetic(extra.count, { region: extra.region, prefix: extra.prefix });
  }
  // The emulator records every request; the benchmark sends thousands (and 6 MB bodies).
  const sweeper = setInterval(() => emulator.clearRequests(), 2000);
  sweeper.unref();

  const handle = async (cmd: EmulatorCommand): Promise<unknown> => {
    emulator.clearRequests();
    switch (cmd.op) {
      case 'latency':
        if (cmd.latencyMs > 0) {
          emulator.faults.set(cmd.operation, { latencyMs: cmd.latencyMs });
        } else {
          emulator.faults.clear();
        }
        return undefined;
      case 'clear':
        return undefined;
      case 'stop':
        clearInterval(sweeper);
        await emulator.stop();
        setImmediate(() => process.exit(0));
        return undefined;
    }
  };

  process.on('message', (msg: EmulatorCommand) => {
    handle(msg).then(
      (result) => process.send?.({ id: msg.id, ok: true, result } satisfies EmulatorReply),
      (err: unknown) => process.send?.({ id: msg.id, ok: false, error: String((err as Error)?.stack ?? err) } satisfies EmulatorReply),
    );
  });
  // The parent went away: do not linger.
  process.on('disconnect', () => {
    void emulator.stop().finally(() => process.exit(0));
  });
  process.send?.({ id: 0, ok: true, result: { endpoint: emulator.endpoint } } satisfies EmulatorReply);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
