import type { HandlerInput } from 'ask-sdk-core';
import { dynamicEntityId, MAX_SPOKEN_CHARS, PLAYLIST_SLOT, spokenSlotValue } from '../../lambda/alexa/slots';
import { DYNAMIC_AUTHORITY, intentRequest, resolved } from '../support/envelopes';

const inputFor = (envelope: ReturnType<typeof intentRequest>) => ({ requestEnvelope: envelope }) as unknown as HandlerInput;
const spoken = (value: string | undefined) => spokenSlotValue(inputFor(intentRequest('PlayPlaylistIntent', { [PLAYLIST_SLOT]: value })), PLAYLIST_SLOT);

describe('the spoken slot value', () => {
  it('is what Alexa heard, trimmed', () => {
    expect(spoken('  morning run ')).toBe('morning run');
  });

  it('is nothing when the slot is empty or blank', () => {
    expect(spoken(undefined)).toBeUndefined();
    expect(spoken('   ')).toBeUndefined();
  });

  it('keeps only the first couple of hundred characters of a huge value, so nothing later works on megabytes', () => {
    const value = spoken(`${' '.repeat(500)}morning ${'ab'.repeat(125_000)}`);

    expect(value?.startsWith('morning ab')).toBe(true);
    expect(value?.length).toBeLessThanOrEqual(MAX_SPOKEN_CHARS);
  });
});

describe('the dynamic entity id', () => {
  const idOf = (ids: string[]) =>
    dynamicEntityId(inputFor(resolved(intentRequest('PlayPlaylistIntent', { [PLAYLIST_SLOT]: 'x' }), { authority: DYNAMIC_AUTHORITY, ids })), PLAYLIST_SLOT);

  it("is the one id the session's entities resolved to, when it has Spotify's shape", () => {
    expect(idOf(['37i9dQZF1DXcBWIGoYBM5M'])).toBe('37i9dQZF1DXcBWIGoYBM5M');
  });

  it.each([[['..']], [['a/b']], [['']], [['a', 'b']], [[]]])('is nothing for %j', (ids) => {
    expect(idOf(ids)).toBeUndefined();
  });
});
