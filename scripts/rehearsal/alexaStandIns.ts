import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { unzipSync } from 'fflate';
import { LoopbackService, sendJson } from './http';

/** An Amazon developer account as the rehearsal knows it: who it is, and the refresh token its ASK CLI profile holds. */
export interface DeveloperAccount {
  readonly vendorId: string;
  readonly refreshToken: string;
}

/** What the ASK CLI asked of a stand-in that it has no answer for: the rehearsal fails on any. */
export interface Unexpected {
  readonly service: string;
  readonly request: string;
}

export interface SkillPackageUpload {
  readonly skillId: string;
  readonly vendorId: string;
  /** Every file of the zip the CLI uploaded, by path. */
  readonly files: ReadonlyMap<string, Buffer>;
}

export interface SmapiCall {
  readonly method: string;
  readonly path: string;
  readonly vendorId: string;
}

export interface DeployedSkill {
  readonly skillId: string;
  readonly vendorId: string;
  manifest: Record<string, unknown>;
  manifestUpdates: Record<string, unknown>[];
  enabled: boolean;
  /** Every body sent to update-account-linking-info, as received. */
  accountLinkingBodies: unknown[];
}

const REDIRECT_HOSTS = ['pitangui.amazon.com', 'layla.amazon.com', 'alexa.amazon.co.jp'];

/**
 * Login with Amazon's token endpoint (ASK_LWA_TOKEN_HOST) and the Skill Management API
 * (ASK_SMAPI_SERVER_BASE_URL) as `ask deploy` and `ask smapi` use them, on one loopback server:
 * the upload URL (served here too), imports and their status, the manifest, enablement and
 * account linking. Access tokens are issued for known refresh tokens only, and each skill
 * belongs to the vendor whose token created it.
 */
export class AlexaStandIns extends LoopbackService {
  readonly unexpected: Unexpected[] = [];
  readonly calls: SmapiCall[] = [];
  readonly uploads: SkillPackageUpload[] = [];
  readonly skills = new Map<string, DeployedSkill>();
  /** Access tokens LWA issued, with the vendor each speaks for. */
  private readonly accessTokens = new Map<string, string>();
  private readonly pendingUploads = new Map<string, Buffer | undefined>();
  private readonly imports = new Map<string, { skillId: string; status: string }>();

  constructor(private readonly accounts: readonly DeveloperAccount[]) {
    super();
  }

  /** An access token for `vendorId`, as ASK_ACCESS_TOKEN would carry one. */
  issueAccessToken(vendorId: string): string {
    const token = `Atza|rehearsal-${randomUUID()}`;
    this.accessTokens.set(token, vendorId);
    return token;
  }

  protected handle(req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const method = req.method ?? 'GET';
    if (url.pathname === '/auth/o2/token' && method === 'POST') return this.token(body, res);
    if (url.pathname.startsWith('/upload/') && method === 'PUT') return this.receiveUpload(url.pathname.slice('/upload/'.length), body, res);
    const token = (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
    const vendorId = this.accessTokens.get(token);
    if (vendorId === undefined) {
      this.unexpected.push({ service: 'SMAPI', request: `${method} ${url.pathname} without a token LWA issued` });
      return sendJson(res, 401, { message: 'Token is invalid/expired' });
    }
    this.calls.push({ method, path: url.pathname, vendorId });
    const json = (): Record<string, unknown> => (body.length === 0 ? {} : (JSON.parse(body.toString('utf8')) as Record<string, unknown>));
    const route = `${method} ${url.pathname}`;
    let match: RegExpExecArray | null;
    if (route === 'POST /v1/skills/uploads') return this.createUpload(res);
    if (route === 'POST /v1/skills/imports') return this.importPackage(undefined, vendorId, json(), res);
    if ((match = /^POST \/v1\/skills\/([^/]+)\/imports$/.exec(route))) return this.importPackage(match[1]!, vendorId, json(), res);
    if ((match = /^GET \/v1\/skills\/imports\/([^/]+)$/.exec(route))) return this.importStatus(match[1]!, res);
    const skillRoute = /^(GET|PUT|POST) \/v1\/skills\/([^/]+)\/(.+)$/.exec(route);
    const skill = skillRoute ? this.skills.get(skillRoute[2]!) : undefined;
    if (skillRoute && (skill === undefined || skill.vendorId !== vendorId)) {
      return sendJson(res, 404, { message: `Skill ${skillRoute[2]} does not exist for vendor ${vendorId}.` });
    }
    if (skill !== undefined && skillRoute !== null) {
      const rest = `${skillRoute[1]} ${skillRoute[3]}`;
      if (rest === 'GET status') return sendJson(res, 200, { manifest: { lastUpdateRequest: { status: 'SUCCEEDED' } } });
      if (rest === 'PUT stages/development/manifest') {
        const manifest = json();
        skill.manifest = manifest;
        skill.manifestUpdates.push(manifest);
        return sendJson(res, 202, undefined, { location: `/v1/skills/${skill.skillId}/status?resource=manifest` });
      }
      if (rest === 'GET stages/development/enablement') return skill.enabled ? sendJson(res, 204, undefined) : sendJson(res, 404, { message: 'Enablement is not found.' });
      if (rest === 'PUT stages/development/enablement') {
        skill.enabled = true;
        return sendJson(res, 204, undefined);
      }
      if (rest === 'PUT stages/development/accountLinkingClient') return this.updateAccountLinking(skill, json(), res);
      if (rest === 'GET stages/development/accountLinkingClient') return this.readAccountLinking(skill, res);
    }
    this.unexpected.push({ service: 'SMAPI', request: `${route}${url.search}` });
    sendJson(res, 404, { message: `The rehearsal's SMAPI has no ${route}.` });
  }

  private token(body: Buffer, res: http.ServerResponse): void {
    const request = JSON.parse(body.toString('utf8') || '{}') as { grant_type?: string; refresh_token?: string };
    const account = this.accounts.find((candidate) => candidate.refreshToken === request.refresh_token);
    if (request.grant_type !== 'refresh_token' || account === undefined) {
      return sendJson(res, 400, { error: 'invalid_grant', error_description: 'The request has an invalid grant parameter : refresh_token' });
    }
    sendJson(res, 200, { access_token: this.issueAccessToken(account.vendorId), refresh_token: account.refreshToken, token_type: 'bearer', expires_in: 3600 });
  }

  private createUpload(res: http.ServerResponse): void {
    const id = randomUUID();
    this.pendingUploads.set(id, undefined);
    sendJson(res, 201, { uploadUrl: `${this.url}/upload/${id}`, expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
  }

  private receiveUpload(id: string, body: Buffer, res: http.ServerResponse): void {
    if (!this.pendingUploads.has(id)) {
      this.unexpected.push({ service: 'S3 (skill package upload)', request: `PUT /upload/${id} for an upload URL never handed out` });
      return sendJson(res, 403, { message: 'AccessDenied' });
    }
    this.pendingUploads.set(id, body);
    res.writeHead(200).end();
  }

  private importPackage(skillId: string | undefined, vendorId: string, body: Record<string, unknown>, res: http.ServerResponse): void {
    const location = String(body.location ?? '');
    const uploadId = location.startsWith(`${this.url}/upload/`) ? location.slice(`${this.url}/upload/`.length) : '';
    const zip = this.pendingUploads.get(uploadId);
    if (zip === undefined) return sendJson(res, 400, { message: `No skill package was uploaded to ${location}.` });
    if (skillId === undefined && body.vendorId !== vendorId) return sendJson(res, 403, { message: `Vendor ${String(body.vendorId)} is not yours.` });
    let files: Map<string, Buffer>;
    try {
      files = new Map(Object.entries(unzipSync(zip)).filter(([name]) => !name.endsWith('/')).map(([name, data]) => [name.replace(/^skill-package\//, ''), Buffer.from(data)]));
    } catch (error) {
      return sendJson(res, 400, { message: `The skill package is not a zip (${(error as Error).message}).` });
    }
    const manifestFile = files.get('skill.json');
    if (manifestFile === undefined) return sendJson(res, 400, { message: 'The skill package has no skill.json.' });
    const id = skillId ?? `amzn1.ask.skill.${randomUUID()}`;
    const existing = this.skills.get(id);
    const manifest = JSON.parse(manifestFile.toString('utf8')) as Record<string, unknown>;
    if (existing === undefined) {
      this.skills.set(id, { skillId: id, vendorId, manifest, manifestUpdates: [], enabled: false, accountLinkingBodies: [] });
    } else {
      existing.manifest = manifest;
    }
    this.uploads.push({ skillId: id, vendorId, files });
    const importId = `amzn1.ask-package.import.${randomUUID()}`;
    this.imports.set(importId, { skillId: id, status: 'SUCCEEDED' });
    sendJson(res, 202, undefined, { location: `/v1/skills/imports/${importId}` });
  }

  private importStatus(importId: string, res: http.ServerResponse): void {
    const found = this.imports.get(importId);
    if (found === undefined) return sendJson(res, 404, { message: `Import ${importId} not found.` });
    sendJson(res, 200, {
      status: found.status,
      skill: {
        skillId: found.skillId,
        eTag: randomUUID(),
        resources: [
          { name: 'Manifest', action: 'UPDATE', status: 'SUCCEEDED', errors: [], warnings: [] },
          { name: 'InteractionModel', action: 'UPDATE', locale: 'en-US', status: 'SUCCEEDED', errors: [], warnings: [] },
        ],
      },
      warnings: [],
    });
  }

  private updateAccountLinking(skill: DeployedSkill, body: Record<string, unknown>, res: http.ServerResponse): void {
    skill.accountLinkingBodies.push(body);
    const request = body.accountLinkingRequest as Record<string, unknown> | undefined;
    if (request === undefined || 'accountLinkingRequest' in request) {
      return sendJson(res, 400, { message: 'Request is invalid: the body must be one accountLinkingRequest object.' });
    }
    sendJson(res, 204, undefined);
  }

  private readAccountLinking(skill: DeployedSkill, res: http.ServerResponse): void {
    const last = skill.accountLinkingBodies[skill.accountLinkingBodies.length - 1] as { accountLinkingRequest?: Record<string, unknown> } | undefined;
    if (last?.accountLinkingRequest === undefined) return sendJson(res, 404, { message: 'Account linking is not configured.' });
    // Like SMAPI, everything but the secret, plus the redirect URLs Alexa made for this vendor.
    const { clientSecret: _secret, ...visible } = last.accountLinkingRequest;
    sendJson(res, 200, { accountLinkingResponse: { ...visible, redirectUrls: REDIRECT_HOSTS.map((host) => `https://${host}/api/skill/link/${skill.vendorId}`) } });
  }
}
