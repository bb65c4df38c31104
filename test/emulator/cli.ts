/*
 * node out/test/emulator/cli.js [--port 4599] [--host 127.0.0.1] [--synthetic 5000]
 *                               [--state-delay ms] [--seed demo|none] [--quiet]
 *                               [--ingestion-delay ms] [--live-tail-interval ms] [--logs-page-size n]
 */
import { DEMO_ACCOUNT, OTHER_ACCOUNT, fixtures, startEmulator } from './index';

function parseArgs(argv: string[]): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      throw new Error(`Unexpected argument: ${a}`);
    }
    const [k, inline] = a.slice(2).split('=', 2);
    if (inline !== undefined) {
      out[k] = inline;
    } else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
      out[k] = argv[++i];
    } else {
      out[k] = true;
    }
  }
  return out;
}

function int(v: string | true | undefined, name: string): number | undefined {
  if (v === undefined) {
    return undefined;
  }
  const n = Number(v);
  if (v === true || !Number.isInteger(n) || n < 0) {
    throw new Error(`--${name} takes a non-negative integer`);
  }
  return n;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help || args.h) {
    console.log(
      'Usage: node out/test/emulator/cli.js [--port 4599] [--host 127.0.0.1] [--synthetic N] [--state-delay ms] [--seed demo|none] [--quiet] [--ingestion-delay ms] [--live-tail-interval ms] [--logs-page-size n]',
    );
    return;
  }
  const seed = args.seed === 'none' ? 'none' : 'demo';
  const synthetic = int(args.synthetic, 'synthetic');
  const emu = await startEmulator({
    port: int(args.port, 'port') ?? 4599,
    host: typeof args.host === 'string' ? args.host : '127.0.0.1',
    seed,
    synthetic: synthetic ? { count: synthetic } : undefined,
    stateDelayMs: int(args['state-delay'], 'state-delay'),
    quiet: args.quiet === true,
    logIngestionDelayMs: int(args['ingestion-delay'], 'ingestion-delay'),
    liveTailIntervalMs: int(args['live-tail-interval'], 'live-tail-interval') || undefined,
    logsPageSize: int(args['logs-page-size'], 'logs-page-size') || undefined,
  });
  const e = emu.endpoint;
  console.log(`Lambda emulator listening on ${e}`);
  console.log('');
  console.log(`Profiles (fixture files): demo → ${DEMO_ACCOUNT}, default → ${DEMO_ACCOUNT}, other → ${OTHER_ACCOUNT}, unknown → rejected (403)`);
  console.log(`  credentials: ${fixtures.credentialsFile}`);
  console.log(`  config:      ${fixtures.configFile}`);
  console.log('Data: us-east-1 and eu-west-1 (any other region answers with empty lists).');
  console.log('');
  console.log('AWS CLI:');
  console.log(`  export AWS_SHARED_CREDENTIALS_FILE=${fixtures.credentialsFile}`);
  console.log(`  export AWS_CONFIG_FILE=${fixtures.configFile}`);
  console.log(`  export AWS_ENDPOINT_URL_LAMBDA=${e}`);
  console.log('  aws lambda list-functions --profile demo --region us-east-1');
  console.log('CloudWatch Logs, EventBridge Schemas and STS answer on the same endpoint (AWS_ENDPOINT_URL for all services):');
  console.log(`  AWS_ENDPOINT_URL=${e} aws sts get-caller-identity --profile demo`);
  console.log(`  AWS_ENDPOINT_URL=${e} aws schemas list-schemas --registry-name lambda-testevent-schemas --profile demo`);
  console.log('  Live tail from the SDK needs disableHostPrefix: true (the SDK prefixes the host with "stream-").');
  console.log('SDK (JavaScript v3):');
  console.log(`  new LambdaClient({ region: 'us-east-1', endpoint: '${e}',`);
  console.log(`    credentials: fromIni({ profile: 'demo', filepath: '${fixtures.credentialsFile}', configFilepath: '${fixtures.configFile}' }) })`);
  console.log(`Control endpoint: ${e}/__emulator/health (requests, faults, seed, mapping-state; see docs/emulator.md)`);
  if (synthetic) {
    console.log(`Seeded ${synthetic} synthetic functions in us-east-1.`);
  }
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) {
      return;
    }
    stopping = true;
    console.log(`\n${signal}: stopping the Lambda emulator`);
    void emu.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
