/**
 * Mocha reporter for scripts/test.sh: Mocha's `spec` output, then one line
 * `<layer>: N passed, N failed` that the script sums over the layers.
 *   mocha --reporter ./out/test/harness/reporter.js --reporter-option layer=unit ...
 */
import Mocha from 'mocha';

class LayerReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const layer = (options?.reporterOptions as { layer?: string } | undefined)?.layer ?? process.env.LAMBDA_WB_LAYER ?? 'tests';
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      Mocha.reporters.Base.consoleLog(`${layer}: ${runner.stats?.passes ?? 0} passed, ${runner.stats?.failures ?? 0} failed`);
    });
  }
}

export = LayerReporter;
