/**
 * The composition root: the one place that reads the environment and wires Hubro together.
 * `npm start` runs it after building the media server and the web app; `npm run dev` runs it
 * with --dev (Next.js hot reload, restarts on server changes).
 */
import nextEnv from '@next/env';
import { ConfigError, loadConfig, resolveAuthSecret } from './config';
import { startHubro } from './hubro';
import { createLogger } from './logger';

const dev = process.argv.includes('--dev');
// The same .env files Next.js would load, so both halves of the process see one configuration.
nextEnv.loadEnvConfig(process.cwd(), dev, { info: () => {}, error: console.error });

function fatal(message: string): never {
  process.stderr.write(`\n${message}\n\n`);
  process.exit(1);
}

let config;
try {
  config = loadConfig(process.env, { dev });
} catch (error) {
  if (error instanceof ConfigError) fatal(`${error.message}\nSee .env.example for every variable.`);
  throw error;
}
const logger = createLogger(config);
try {
  resolveAuthSecret(config, (message) => logger.warn(message));
} catch (error) {
  if (error instanceof ConfigError) fatal(error.message);
  throw error;
}

const hubro = await startHubro({ config, logger }).catch((error: unknown) => {
  logger.fatal({ err: error }, 'Hubro could not start');
  fatal(`Hubro could not start: ${error instanceof Error ? error.message : String(error)}`);
});
process.stdout.write(`\n  Hubro is running at ${hubro.url}\n\n`);

let signalled = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (signalled) return;
    signalled = true;
    logger.info({ signal }, 'shutting down');
    // Whatever happens, the process is gone within 10 s.
    setTimeout(() => {
      logger.error('shutdown took longer than 10 s; exiting');
      process.exit(1);
    }, 10_000).unref();
    hubro.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  });
}
