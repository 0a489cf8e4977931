import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';

/** What a cold-start child reports once it has answered its one request. */
export interface ColdStartResult {
  /** require() of the bundle. */
  readonly loadMs: number;
  /** The first request, from handler call to response. */
  readonly firstRequestMs: number;
  /** Time since the process started (Node's own boot included) when the answer was ready. */
  readonly sinceProcessStartMs: number;
  readonly response: ResponseEnvelope;
}

/** A Spotify call as the stand-in recorded it, replayed directly for the warm baseline. */
export interface DirectCall {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
}

export type WorkerCommand =
  | { readonly type: 'invoke'; readonly envelope: RequestEnvelope }
  | {
      readonly type: 'warm';
      readonly envelope: RequestEnvelope;
      readonly warmUp: number;
      readonly requests: number;
      /** Base URL (with /v1) of the stand-in the direct calls go to. */
      readonly directBaseUrl: string;
      readonly accessToken: string;
      readonly calls: readonly DirectCall[];
    };

export interface InvokeResult {
  readonly type: 'invoked';
  readonly ms: number;
  readonly response: ResponseEnvelope;
}

export interface WarmResult {
  readonly type: 'warmed';
  readonly skillMs: number[];
  readonly directMs: number[];
  /** skillMs[i] - directMs[i], measured back to back. */
  readonly overheadMs: number[];
  /** The same difference in this process's CPU time: the skill's own work, without the machine's scheduling noise. */
  readonly overheadCpuMs: number[];
  /** After a full garbage collection: what the loop left behind. */
  readonly heapUsedBytes: number;
  readonly heapUsedBeforeGcBytes: number;
  readonly rssBytes: number;
}

export type WorkerReply = InvokeResult | WarmResult | { readonly type: 'failed'; readonly message: string };
