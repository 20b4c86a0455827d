import pino from 'pino';

/** A silent logger; set TEST_LOG=debug to see the server's logs while a test runs. */
export const testLogger = pino({ level: process.env.TEST_LOG ?? 'silent' });
