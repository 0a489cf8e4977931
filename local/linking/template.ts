import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { PROJECT_ROOT } from '../paths';

/** The file `npm run link:configure` sends to Alexa, and the one the local run links with unless LINKING_TEMPLATE names another. */
export const DEFAULT_TEMPLATE = path.join(PROJECT_ROOT, 'account-linking', 'spotify.template.json');

/** The fields of an `accountLinkingRequest` that decide how Alexa links (SMAPI's schema, as Alexa reads it). */
const templateSchema = z.object({
  accountLinkingRequest: z.object({
    type: z.enum(['AUTH_CODE', 'IMPLICIT']),
    authorizationUrl: z.string().min(1),
    accessTokenUrl: z.string().min(1).optional(),
    // Alexa's default when the field is left out.
    accessTokenScheme: z.enum(['HTTP_BASIC', 'REQUEST_BODY_CREDENTIALS']).default('HTTP_BASIC'),
    clientId: z.string().min(1),
    clientSecret: z.string().optional(),
    scopes: z.array(z.string().min(1)).default([]),
    defaultTokenExpirationInSeconds: z.number().int().positive().optional(),
  }),
});

export type LinkingTemplate = z.infer<typeof templateSchema>['accountLinkingRequest'];

/** A template the local run cannot link with; the message names the file and the field. */
export class LinkingTemplateError extends Error {
  override readonly name = 'LinkingTemplateError';
}

export function readLinkingTemplate(file: string = DEFAULT_TEMPLATE): LinkingTemplate {
  const shown = path.relative(process.cwd(), file) || file;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new LinkingTemplateError(`The account-linking template ${shown} cannot be read as JSON: ${(error as Error).message}`, { cause: error });
  }
  const parsed = templateSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new LinkingTemplateError(`The account-linking template ${shown} is not one Alexa can link with: ${issue.path.join('.')}: ${issue.message}`);
  }
  const template = parsed.data.accountLinkingRequest;
  if (template.type === 'AUTH_CODE' && template.accessTokenUrl === undefined) {
    throw new LinkingTemplateError(`The account-linking template ${shown} has type AUTH_CODE but no accessTokenUrl for Alexa to exchange the code at.`);
  }
  return template;
}

/** Where the local run's Alexa sends the user and posts for tokens, and with which credentials. */
export interface LocalAuthorizationServer {
  readonly authorizationUrl: string;
  readonly tokenUrl: string;
  readonly client: { readonly id: string; readonly secret: string };
}

/**
 * The template as the local run uses it: everything as written (type, scheme, scopes, default
 * expiry), except the two Spotify URLs, swapped for the demo Spotify's, and the client id and
 * secret, which are the demo app's own: Spotify's real credentials never enter the local run.
 */
export function forDemoSpotify(template: LinkingTemplate, server: LocalAuthorizationServer): LinkingTemplate {
  return {
    ...template,
    authorizationUrl: server.authorizationUrl,
    ...(template.accessTokenUrl === undefined ? {} : { accessTokenUrl: server.tokenUrl }),
    clientId: server.client.id,
    clientSecret: server.client.secret,
  };
}
