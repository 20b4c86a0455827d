import pino, { type Logger } from 'pino';
import type { Config } from './config';

export type { Logger };

/**
 * Structured JSON logs (pino). In a terminal during development they are pretty-printed,
 * when pino-pretty is installed (it is a dev dependency).
 */
export function createLogger(config: Pick<Config, 'logLevel' | 'dev'>, pretty = config.dev && process.stdout.isTTY): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'hubro' },
    redact: { paths: ['password', '*.password', 'req.headers.cookie', 'headers.cookie'], censor: '[redacted]' },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service' } } } : {}),
  });
}
