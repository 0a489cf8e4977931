import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import type { Logger } from '../../lambda/logging/logger';
import { ssmlToText } from '../../test/support/responses';
import { readBodyOrRefuse, sendJson, type RouteHandler } from '../http';

/** Where Alexa's Progressive Response API takes directives, under the envelope's `apiEndpoint`. */
export const DIRECTIVES_PATH = '/v1/directives';

/** A progressive response is a sentence or two of SSML. */
const MAX_DIRECTIVE_BYTES = 16 * 1024;
/** Alexa plays at most five progressive responses for one request. */
const MOST_PER_REQUEST = 5;
/** How long a token is remembered after its request was answered, to refuse a late directive as Alexa does (403) rather than as unknown (401). */
const ANSWERED_MEMORY_MS = 30_000;

/** What a skill sent to the Progressive Response API: said by Alexa before the skill's answer. */
export interface ProgressiveResponse {
  readonly ssml: string;
  /** What the user hears, as plain text. */
  readonly text: string;
}

/** A request Alexa has sent to the skill and not yet had its answer to. */
interface InFlight {
  readonly requestId: string;
  readonly heard: ProgressiveResponse[];
  readonly onSpeech: ((speech: ProgressiveResponse) => void) | undefined;
  answered: boolean;
}

/** What a request envelope carries for the skill to reach Alexa's API (context.System). */
export interface AlexaApiAccess {
  readonly apiEndpoint: string;
  readonly apiAccessToken: string;
}

function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer (\S+)$/.exec(header ?? '');
  return match?.[1];
}

function alexaError(res: http.ServerResponse, status: number, message: string): void {
  sendJson(res, status, { message });
}

function speechOf(body: unknown): { requestId: unknown; type: unknown; speech: unknown } {
  const { header, directive } = (body ?? {}) as { header?: { requestId?: unknown }; directive?: { type?: unknown; speech?: unknown } };
  return { requestId: header?.requestId, type: directive?.type, speech: directive?.speech };
}

/**
 * Alexa's directive service (the Progressive Response API) in the local run, served at
 * `/v1/directives` on the runtime's own origin. Each request the simulated Alexa sends gets its
 * own `apiAccessToken`; the skill posts `VoicePlayer.Speak` with it, as it would to
 * api.amazonalexa.com, and what it says is handed to whoever sent the request, in order, as it
 * arrives. As at Alexa: an unknown token is 401, a directive for another request or after the
 * answer is 403 (the user would not hear it), one that is not `VoicePlayer.Speak` with
 * `<speak>` SSML is 400.
 */
export class LocalDirectiveService {
  private readonly inFlight = new Map<string, InFlight>();

  constructor(
    /** The runtime's own origin: what envelopes name as `apiEndpoint`. */
    readonly apiEndpoint: string,
    private readonly logger: Logger,
  ) {}

  /**
   * Alexa is about to send request `requestId`: the access its envelope carries. `onSpeech`
   * hears each progressive response the moment the skill sends it.
   */
  open(requestId: string, onSpeech?: (speech: ProgressiveResponse) => void): AlexaApiAccess {
    const apiAccessToken = randomBytes(24).toString('base64url');
    // The skill's logger is this one: the token stays out of every line, as the skill's own token does.
    this.logger.secrets.add(apiAccessToken);
    this.inFlight.set(apiAccessToken, { requestId, heard: [], onSpeech, answered: false });
    return { apiEndpoint: this.apiEndpoint, apiAccessToken };
  }

  /** The skill has answered: what it said before that, in order. Later directives with this token are refused. */
  close(apiAccessToken: string): ProgressiveResponse[] {
    const request = this.inFlight.get(apiAccessToken);
    if (request === undefined) return [];
    request.answered = true;
    setTimeout(() => this.inFlight.delete(apiAccessToken), ANSWERED_MEMORY_MS).unref();
    return [...request.heard];
  }

  readonly route: RouteHandler = async (req, res) => {
    if (req.method !== 'POST') return alexaError(res, 405, `POST a directive to ${DIRECTIVES_PATH}`);
    const text = await readBodyOrRefuse(req, res, MAX_DIRECTIVE_BYTES);
    if (text === undefined) return;
    const token = bearer(req.headers.authorization);
    const request = token === undefined ? undefined : this.inFlight.get(token);
    if (request === undefined) {
      this.logger.warn('directive refused: the apiAccessToken is not one the local Alexa issued');
      return alexaError(res, 401, 'Not Authorized.');
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return alexaError(res, 400, 'Directive not valid: the body is not JSON.');
    }
    const { requestId, type, speech } = speechOf(body);
    if (requestId !== request.requestId) return alexaError(res, 403, `Unrecognized requestId: ${String(requestId).slice(0, 100)}`);
    if (request.answered) {
      this.logger.warn('directive refused: the skill had already answered the request', { requestId });
      return alexaError(res, 403, 'The skill is not allowed to send directives at the moment: the request was already answered.');
    }
    if (type !== 'VoicePlayer.Speak' || typeof speech !== 'string' || !/^<speak>[\s\S]*<\/speak>$/.test(speech.trim())) {
      return alexaError(res, 400, 'Directive not valid: expected VoicePlayer.Speak with speech in <speak> tags.');
    }
    if (request.heard.length >= MOST_PER_REQUEST) {
      return alexaError(res, 403, `The skill is not allowed to send directives at the moment: at most ${MOST_PER_REQUEST} progressive responses per request.`);
    }
    const heard = { ssml: speech, text: ssmlToText(speech) };
    request.heard.push(heard);
    this.logger.debug('progressive response received', { requestId });
    request.onSpeech?.(heard);
    res.writeHead(204).end();
  };
}
