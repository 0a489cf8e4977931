import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import type { Context } from 'aws-lambda';
import type { Skill as CustomSkill } from 'ask-sdk-core';
import { loadConfig } from './config';
import { Logger } from './logging/logger';
import { describeError } from './logging/redact';
import { buildSkill, createDependencies } from './skill';

let skill: CustomSkill | undefined;

/** Built on first use and kept for the container's life: the SDK's dispatcher, the Spotify client and its keep-alive agent. */
function containerSkill(): CustomSkill {
  if (skill === undefined) {
    try {
      skill = buildSkill(createDependencies(loadConfig()));
    } catch (error) {
      new Logger('error').error('skill configuration is invalid', { error: describeError(error) });
      throw error;
    }
  }
  return skill;
}

/** The Lambda entry point (`index.handler`). */
export async function handler(event: RequestEnvelope, context?: Context): Promise<ResponseEnvelope> {
  return containerSkill().invoke(event, context);
}
