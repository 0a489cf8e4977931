import type { HandlerInput } from 'ask-sdk-core';
import type { interfaces, ResponseEnvelope } from 'ask-sdk-model';
import { escapeAplText, supportsApl } from '../../lambda/alexa/panel';
import { demoAccount, DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import { intentRequest } from '../support/envelopes';
import { cardText, spokenText } from '../support/responses';
import { startHarness, type Harness } from '../support/skillHarness';

type RenderDocument = interfaces.alexa.presentation.apl.RenderDocumentDirective;

function renderDocument(response: ResponseEnvelope): RenderDocument | undefined {
  return response.response.directives?.find((directive) => directive.type === 'Alexa.Presentation.APL.RenderDocument') as RenderDocument | undefined;
}

/** The directive as Alexa receives it: serialised, then parsed back. */
function asSent(directive: RenderDocument): { document: Record<string, unknown>; datasources: { panel: { title: string; subtitle: string; lines: string[] } } } {
  return JSON.parse(JSON.stringify(directive)) as ReturnType<typeof asSent>;
}

describe('screens', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ accounts: { [DEMO_ACCESS_TOKEN]: demoAccount() } });
  });
  afterEach(() => harness.spotify.reset());
  afterAll(() => harness.close());

  const ask = (intent: string, slots: Record<string, string>, screen: boolean, attributes?: Record<string, unknown>) =>
    harness.ask(intentRequest(intent, slots, { accessToken: DEMO_ACCESS_TOKEN, screen, attributes }));

  it('show the listed playlists as an APL document that names every playlist spoken', async () => {
    const response = await ask('ListPlaylistsIntent', {}, true);
    const directive = renderDocument(response);

    expect(directive?.token).toBe('playlistList');
    const sent = asSent(directive!);
    expect(sent.document).toMatchObject({ type: 'APL', mainTemplate: { parameters: ['payload'] } });
    expect(sent.datasources.panel).toEqual({
      title: 'Your playlists',
      subtitle: '30 playlists',
      lines: ['1. Morning Run', '2. Rock &amp; Roll &lt;Live&gt;', '3. Chill "Vibes"', '4. Café del Mar', '5. Deep Focus'],
    });
    for (const name of ['Morning Run', 'Rock & Roll <Live>', 'Chill "Vibes"', 'Café del Mar', 'Deep Focus']) {
      expect(spokenText(response)).toContain(name);
      expect(sent.datasources.panel.lines).toContainEqual(expect.stringContaining(escapeAplText(name)));
    }
  });

  it('show the next page on "yes", numbered on from the first', async () => {
    const response = await ask('AMAZON.YesIntent', {}, true, { listNextOffset: 5 });

    expect(asSent(renderDocument(response)!).datasources.panel.lines[0]).toBe('6. Deep House');
  });

  it("show a playlist's details, with the card carrying the same text", async () => {
    const response = await ask('PlaylistDetailsIntent', { playlist: 'morning run' }, true);
    const panel = asSent(renderDocument(response)!).datasources.panel;

    expect(renderDocument(response)?.token).toBe('playlistDetails');
    expect(panel).toEqual({ title: 'Morning Run', subtitle: 'By Demo Listener', lines: ['42 tracks', 'Public', 'Upbeat tempo for the first 5k.'] });
    expect(cardText(response)).toBe([panel.title, panel.subtitle, ...panel.lines].join('\n'));
    expect(JSON.stringify(response).length).toBeLessThan(24_000);
  });

  it('use text only: no images or remote sources', async () => {
    const document = JSON.stringify(asSent(renderDocument(await ask('ListPlaylistsIntent', {}, true))!).document);

    expect(document).not.toMatch(/"Image"|"VectorGraphic"|"Video"|https?:/);
  });

  it('refer only to resources the document defines, since it imports no package', async () => {
    const document = asSent(renderDocument(await ask('ListPlaylistsIntent', {}, true))!).document as { import?: unknown[]; resources?: Array<Record<string, Record<string, unknown>>> };
    // "@name" values come from the document's own resources or from an imported package (alexa-styles
    // defines @marginHorizontal, for one); without either, APL cannot resolve them and drops the property.
    const defined = new Set((document.resources ?? []).flatMap((group) => Object.values(group).flatMap((values) => (typeof values === 'object' && values !== null ? Object.keys(values) : []))));
    const referenced = [...JSON.stringify(document).matchAll(/"@([A-Za-z_][\w-]*)"/g)].map((match) => match[1]!);

    expect(document.import ?? []).toEqual([]);
    expect(referenced.filter((name) => !defined.has(name))).toEqual([]);
  });

  it.each([
    ['ListPlaylistsIntent', {}],
    ['PlaylistDetailsIntent', { playlist: 'morning run' }],
  ])('get no APL directive on a device without a screen (%s), only the card', async (intent, slots) => {
    const response = await ask(intent, slots, false);

    expect(renderDocument(response)).toBeUndefined();
    expect(response.response.card).toBeDefined();
  });

  it.each([null, false, 'yes'])('treat a device declaring APL as %p, not as an object, as having no screen', async (declared) => {
    const envelope = intentRequest('ListPlaylistsIntent', {}, { accessToken: DEMO_ACCESS_TOKEN, screen: true });
    envelope.context.System.device!.supportedInterfaces = { 'Alexa.Presentation.APL': declared } as never;

    expect(renderDocument(await harness.ask(envelope))).toBeUndefined();
  });

  it('treat an envelope without a device as having no screen', () => {
    const input = { requestEnvelope: { request: { type: 'LaunchRequest' } } } as unknown as HandlerInput;
    expect(supportsApl(input)).toBe(false);
  });
});
