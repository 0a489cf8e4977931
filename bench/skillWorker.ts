import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import axios from 'axios';
import { lambdaContext } from '../test/support/lambdaContext';
import { check, expectPlaylistList } from './expectations';
import type { DirectCall, InvokeResult, WarmResult, WorkerCommand, WorkerReply } from './protocol';

/*
 * A warm container: loads the bundle once (argument 1), then runs what the bench asks over
 * IPC. Timing happens here, not across IPC, so only the work itself is on the clock.
 * Needs --expose-gc to report the heap the warm loop leaves behind.
 */
type Handler = (event: RequestEnvelope, context: unknown) => Promise<ResponseEnvelope>;

const bundlePath = process.argv[2];
if (bundlePath === undefined) throw new Error('usage: skillWorker <bundle>');
const { handler } = require(bundlePath) as { handler: Handler };

/**
 * The floor: the same call with the same HTTP stack the skill uses, configured as
 * lambda/spotify/transport.ts configures it. maxRedirects: 0 matters: any other value sends
 * axios through follow-redirects, a slower path than the skill's, which would hide overhead.
 */
const direct = axios.create({
  httpAgent: new http.Agent({ keepAlive: true }),
  httpsAgent: new https.Agent({ keepAlive: true }),
  proxy: false,
  maxRedirects: 0,
  validateStatus: () => true,
  responseType: 'text',
  transformResponse: [(data: unknown) => data],
});

async function callDirectly(baseUrl: string, accessToken: string, calls: readonly DirectCall[]): Promise<void> {
  for (const call of calls) {
    const response = await direct.request<string>({
      method: call.method,
      baseURL: baseUrl,
      url: call.path,
      params: call.query,
      headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' },
    });
    // Any client must read the body: parsing it is part of the floor, not of the overhead.
    JSON.parse(response.data);
  }
}

/** Each event arrives as fresh JSON in Lambda; copying it is the runtime's work, so it stays off the clock. */
function freshEvent(envelope: RequestEnvelope): RequestEnvelope {
  return JSON.parse(JSON.stringify(envelope)) as RequestEnvelope;
}

async function timeSkill(envelope: RequestEnvelope): Promise<{ ms: number; response: ResponseEnvelope }> {
  const event = freshEvent(envelope);
  const context = lambdaContext();
  const started = performance.now();
  const response = await handler(event, context);
  return { ms: performance.now() - started, response };
}

/** Wall time and this process's CPU time (all threads) of `work`, in ms. */
async function clocked(work: () => Promise<void>): Promise<{ wallMs: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await work();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

async function warm(command: Extract<WorkerCommand, { type: 'warm' }>): Promise<WarmResult> {
  const result: WarmResult = { type: 'warmed', skillMs: [], directMs: [], overheadMs: [], overheadCpuMs: [], heapUsedBytes: 0, heapUsedBeforeGcBytes: 0, rssBytes: 0 };
  const total = command.warmUp + command.requests;
  const skillTurn = async () => {
    const event = freshEvent(command.envelope);
    const context = lambdaContext();
    let response: ResponseEnvelope | undefined;
    const time = await clocked(async () => {
      response = await handler(event, context);
    });
    check('warm loop, linked list', expectPlaylistList, response!);
    return time;
  };
  const directTurn = () => clocked(() => callDirectly(command.directBaseUrl, command.accessToken, command.calls));
  for (let index = 0; index < total; index += 1) {
    // Alternate which goes first so neither always meets a just-woken stand-in.
    const skill = index % 2 === 0 ? await skillTurn() : undefined;
    const floor = await directTurn();
    const skillTime = skill ?? (await skillTurn());
    if (index < command.warmUp) continue;
    result.skillMs.push(skillTime.wallMs);
    result.directMs.push(floor.wallMs);
    result.overheadMs.push(skillTime.wallMs - floor.wallMs);
    result.overheadCpuMs.push(skillTime.cpuMs - floor.cpuMs);
  }
  const heapUsedBeforeGcBytes = process.memoryUsage().heapUsed;
  (globalThis as { gc?: () => void }).gc?.();
  const memory = process.memoryUsage();
  return { ...result, heapUsedBytes: memory.heapUsed, heapUsedBeforeGcBytes, rssBytes: memory.rss };
}

async function run(command: WorkerCommand): Promise<WorkerReply> {
  if (command.type === 'invoke') {
    const { ms, response } = await timeSkill(command.envelope);
    const result: InvokeResult = { type: 'invoked', ms, response };
    return result;
  }
  return warm(command);
}

process.on('message', (command: WorkerCommand) => {
  run(command).then(
    (reply) => process.send?.(reply),
    (error: unknown) => process.send?.({ type: 'failed', message: String(error) } satisfies WorkerReply),
  );
});
