import { readLinkingConfig, type LocalConfig } from '../../local/localConfig';
import { startLocalRuntime, type LocalRuntime, type LocalRuntimeOptions } from '../../local/runtime';
import { Simulator, type SimulatorOptions } from '../../local/simulator/simulator';
import type { SessionParts } from '../../local/web/session';

export interface TestRuntime {
  readonly runtime: LocalRuntime;
  /** Every log line the runtime and the skill wrote, parsed. */
  readonly logs: Array<Record<string, unknown>>;
  /** A simulator on the runtime's skill, account linking and Alexa API, its user linked through the whole flow unless `linked: false`. */
  simulator(options?: Omit<SimulatorOptions, 'skill' | 'linking'> & { linked?: boolean }): Promise<Simulator>;
  /** A call to the admin routes, e.g. ('POST', '/admin/faults', { fault: '429' }); a string body is sent as it is. */
  admin(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }>;
  /** Posts `body` as it is (a string is sent byte for byte) to /alexa. */
  postAlexa(body: unknown, headers?: Record<string, string>): Promise<{ status: number; json: unknown }>;
  /** What a recorded session or a replay runs on: this runtime's skill, linking, Alexa API, fault switch and demo account. */
  sessionParts(): SessionParts;
  close(): Promise<void>;
}

async function call(url: string, init: RequestInit): Promise<{ status: number; json: unknown }> {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, json: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

/**
 * What `npm start` serves (demo Spotify, /alexa, admin routes, the skill object), on ephemeral
 * loopback ports, with short Spotify budgets and the log captured.
 */
export async function startTestRuntime(
  options: {
    local?: Partial<LocalConfig>;
    env?: Record<string, string>;
    verifiers?: LocalRuntimeOptions['verifiers'];
    serverLimits?: LocalRuntimeOptions['serverLimits'];
  } = {},
): Promise<TestRuntime> {
  const logs: Array<Record<string, unknown>> = [];
  const runtime = await startLocalRuntime({
    env: { REQUEST_BUDGET_MS: '1500', SPOTIFY_TIMEOUT_MS: '600', ...options.env },
    local: { port: 0, host: '127.0.0.1', verify: true, faults: [], slowMs: undefined, exposeAdmin: false, linking: readLinkingConfig({}), ...options.local },
    sink: (line) => logs.push(JSON.parse(line) as Record<string, unknown>),
    ...(options.verifiers === undefined ? {} : { verifiers: options.verifiers }),
    ...(options.serverLimits === undefined ? {} : { serverLimits: options.serverLimits }),
  });
  const origin = new URL(runtime.urls.alexa).origin;
  return {
    runtime,
    logs,
    simulator: async ({ linked = true, ...simulatorOptions } = {}) => {
      const simulator = new Simulator({ skill: runtime.skill, linking: runtime.linking, directives: runtime.directives, ...simulatorOptions });
      if (linked) {
        const outcome = await runtime.linking.link(simulator.userId);
        if (!outcome.linked) throw new Error(`the test user could not be linked: ${outcome.problem}`);
      }
      return simulator;
    },
    admin: (method, path, body) =>
      call(`${origin}${path}`, {
        method,
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
      }),
    postAlexa: (body, headers = {}) =>
      call(runtime.urls.alexa, {
        method: 'POST',
        body: typeof body === 'string' ? body : JSON.stringify(body),
        headers: { 'content-type': 'application/json', ...headers },
      }),
    sessionParts: () => ({
      skill: runtime.skill,
      linking: runtime.linking,
      directives: runtime.directives,
      faults: runtime.demo.faults,
      resetDemo: () => runtime.demo.resetPlayback(),
    }),
    close: () => runtime.close(),
  };
}
