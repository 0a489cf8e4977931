import type { ChildProcess } from 'node:child_process';
import type { RequestEnvelope } from 'ask-sdk-model';
import { nextMessage } from './children';
import { check, type Expectation } from './expectations';
import type { WorkerReply } from './protocol';
import { median } from './stats';

export interface TimedAnswers {
  readonly what: string;
  readonly envelope: RequestEnvelope;
  readonly expect: Expectation;
  readonly runs: number;
  /** Runs before and after each answer, e.g. switching a fault of the Spotify stand-in on and off. */
  readonly around?: { readonly before: () => void; readonly after: () => void };
}

/** Asks the warm worker for `runs` answers to `envelope`, checks each one, and returns the median time. */
export async function medianAnswerMs(worker: ChildProcess, { what, envelope, expect, runs, around }: TimedAnswers): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    around?.before();
    const reply = nextMessage<WorkerReply>(worker);
    worker.send({ type: 'invoke', envelope });
    const answer = await reply;
    around?.after();
    if (answer.type !== 'invoked') throw new Error(`${what}: ${answer.type === 'failed' ? answer.message : answer.type}`);
    check(what, expect, answer.response);
    times.push(answer.ms);
  }
  return median(times);
}
