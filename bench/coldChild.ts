import { performance } from 'node:perf_hooks';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { lambdaContext } from '../test/support/lambdaContext';
import type { ColdStartResult } from './protocol';

/*
 * One cold start: a fresh process that loads a bundle and answers one request, as a new
 * Lambda container does. Argument 1 is the bundle's path, argument 2 the envelope as JSON.
 * The envelope is parsed before the clock starts: Lambda's runtime does that, not the skill.
 */
type Handler = (event: RequestEnvelope, context: unknown) => Promise<ResponseEnvelope>;

async function main(): Promise<void> {
  const [bundlePath, envelopeJson] = process.argv.slice(2);
  if (bundlePath === undefined || envelopeJson === undefined) throw new Error('usage: coldChild <bundle> <envelope-json>');
  const envelope = JSON.parse(envelopeJson) as RequestEnvelope;
  const context = lambdaContext();

  const started = performance.now();
  const { handler } = require(bundlePath) as { handler: Handler };
  const loaded = performance.now();
  const response = await handler(envelope, context);
  const answered = performance.now();

  const result: ColdStartResult = { loadMs: loaded - started, firstRequestMs: answered - loaded, sinceProcessStartMs: answered, response };
  process.send?.(result);
  process.disconnect?.();
}

main().catch((error: unknown) => {
  process.stderr.write(`cold start failed: ${String(error)}\n`);
  process.exitCode = 1;
});
