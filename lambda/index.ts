import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import type { Context } from 'aws-lambda';
import type { Skill as CustomSkill } from 'ask-sdk-core';
import { loadConfig } from './config';
import { InvalidEventError } from './errors';
import { Logger } from './logging/logger';
import { describeError } from './logging/redact';
import { buildSkill, createDependencies } from './skill';

interface Container {
  readonly skill: CustomSkill;
  readonly logger: Logger;
}

let container: Container | undefined;

/** Built on first use and kept for the container's life: the SDK's dispatcher, the Spotify client and its keep-alive agent. */
function containerSkill(): Container {
  if (container === undefined) {
    try {
      const dependencies = createDependencies(loadConfig());
      container = { skill: buildSkill(dependencies), logger: dependencies.logger };
    } catch (error) {
      new Logger('error').error('skill configuration is invalid', { error: describeError(error, []) });
      throw error;
    }
  }
  return container;
}

/** What an event that is not an object is, in a word, for the log and the error. */
function kindOf(event: unknown): string | undefined {
  if (event === null) return 'null';
  if (Array.isArray(event)) return 'an array';
  return typeof event === 'object' ? undefined : `a ${typeof event}`;
}

/** The Lambda entry point (`index.handler`). */
export async function handler(event: RequestEnvelope, context?: Context): Promise<ResponseEnvelope> {
  const { skill, logger } = containerSkill();
  // The SDK reads event.request and event.context before any handler of ours could answer.
  const received = kindOf(event as unknown);
  if (received !== undefined) {
    logger.error('event is not an Alexa request envelope', { received });
    throw new InvalidEventError(received);
  }
  return skill.invoke(event, context);
}
