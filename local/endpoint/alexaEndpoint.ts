import type { IncomingHttpHeaders } from 'node:http';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import type { Logger } from '../../lambda/logging/logger';
import { MAX_ID_FIELD_CHARS, requestField } from '../../lambda/logging/redact';
import { readBodyOrRefuse, refuse, sendJson, type RouteHandler } from '../http';
import { verifyRequest, VerificationError, type Verifier } from './verification';

/** The skill as Lambda runs it; ask-sdk-core's Skill is one. */
export interface SkillInvoker {
  invoke(envelope: RequestEnvelope): Promise<ResponseEnvelope>;
}

export interface AlexaEndpointOptions {
  readonly skill: SkillInvoker;
  readonly logger: Logger;
  /** Alexa's checks; an empty list means ALEXA_VERIFY=off. */
  readonly verifiers: readonly Verifier[];
}

/** Alexa sends requests far below this; anything bigger is not from Alexa. */
const MAX_BODY_BYTES = 256 * 1024;

/** Added to the refusal of a request without Alexa's signature headers: most likely a person trying /alexa by hand. */
export const UNSIGNED_REQUEST_HINT =
  'This request is not signed by Alexa: to test /alexa locally, restart npm start with ALEXA_VERIFY=off (never behind a public tunnel), or talk to the skill with npm run simulate.';

function unsigned(headers: IncomingHttpHeaders): boolean {
  return !headers.signaturecertchainurl || !headers['signature-256'];
}

function isEnvelope(json: unknown): json is RequestEnvelope {
  const request = (json as { request?: unknown } | null)?.request;
  return typeof request === 'object' && request !== null && typeof (request as { type?: unknown }).type === 'string';
}

/** What the log says of a request: its type and intent, clipped (a forged request chooses their length). */
function requestFacts(envelope: RequestEnvelope, secrets: readonly string[]): Record<string, unknown> {
  const intent = (envelope.request as { intent?: { name?: unknown } }).intent;
  return { requestType: requestField(envelope.request.type, MAX_ID_FIELD_CHARS, secrets), intent: requestField(intent?.name, MAX_ID_FIELD_CHARS, secrets) };
}

/**
 * `POST /alexa`, the skill hosted as a web service: Alexa's checks on the raw body, then the
 * same skill object Lambda runs. Refusals are 4xx with a short JSON reason.
 */
export function alexaEndpoint({ skill, logger, verifiers }: AlexaEndpointOptions): RouteHandler {
  return async (req, res) => {
    if (req.method !== 'POST') return refuse(res, 405, 'POST an Alexa request envelope to /alexa');
    const body = await readBodyOrRefuse(req, res, MAX_BODY_BYTES);
    if (body === undefined) return;
    if (verifiers.length > 0) {
      try {
        await verifyRequest(verifiers, body, req.headers);
      } catch (error) {
        const reason = error instanceof VerificationError ? error.message : 'the request could not be verified';
        logger.warn('alexa request refused', { reason });
        return refuse(res, 400, unsigned(req.headers) ? `${reason}. ${UNSIGNED_REQUEST_HINT}` : reason);
      }
    } else {
      logger.warn('alexa request accepted WITHOUT verification (ALEXA_VERIFY=off)');
    }
    let envelope: unknown;
    try {
      envelope = JSON.parse(body);
    } catch {
      return refuse(res, 400, 'the body is not JSON');
    }
    // Verified requests always are envelopes; with ALEXA_VERIFY=off anything may arrive.
    if (!isEnvelope(envelope)) return refuse(res, 400, 'the body is not an Alexa request envelope (no "request" with a "type")');
    try {
      const response = await skill.invoke(envelope);
      logger.info('alexa request answered', requestFacts(envelope, logger.secrets.list()));
      sendJson(res, 200, response);
    } catch (error) {
      // The SDK throws only before any handler runs, e.g. for another skill's id: the request's fault.
      logger.warn('alexa request not dispatched', { ...requestFacts(envelope, logger.secrets.list()), error });
      refuse(res, 400, `the skill could not take this request: ${(error as Error).message}`);
    }
  };
}
