import { loadLanguageModel } from '../../local/simulator/interactionModel';
import { normaliseUtterance, UtteranceResolver } from '../../local/simulator/utterances';

describe('resolving typed utterances with the en-US interaction model', () => {
  const resolver = new UtteranceResolver(loadLanguageModel('en-US'));

  it.each([
    ['list my playlists', 'ListPlaylistsIntent'],
    ['What are my playlists?', 'ListPlaylistsIntent'],
    ["what's in my library", 'ListPlaylistsIntent'],
  ])('maps the sample "%s" to %s, ignoring case and punctuation', (said, intent) => {
    expect(resolver.resolve(said)).toEqual({ kind: 'intent', name: intent, slots: {} });
  });

  it('fills the slot from the words in the placeholder', () => {
    expect(resolver.resolve('play Rock & Roll')).toEqual({ kind: 'intent', name: 'PlayPlaylistIntent', slots: { playlist: 'rock & roll' } });
    expect(resolver.resolve('tell me about café del mar')).toEqual({
      kind: 'intent',
      name: 'PlaylistDetailsIntent',
      slots: { playlist: 'café del mar' },
    });
  });

  it('prefers the most specific sample, so "my … playlist" is not part of the slot', () => {
    expect(resolver.resolve('play my workout playlist')).toMatchObject({ name: 'PlayPlaylistIntent', slots: { playlist: 'workout' } });
    expect(resolver.resolve('how many tracks are on my deep focus playlist')).toMatchObject({
      name: 'PlaylistDetailsIntent',
      slots: { playlist: 'deep focus' },
    });
  });

  it('sends a declared slot empty when the sample has no placeholder, as Alexa does', () => {
    expect(resolver.resolve('play a playlist')).toEqual({ kind: 'intent', name: 'PlayPlaylistIntent', slots: { playlist: undefined } });
  });

  it.each([
    ['help', 'AMAZON.HelpIntent'],
    ['what can I say', 'AMAZON.HelpIntent'],
    ['stop', 'AMAZON.StopIntent'],
    ['cancel', 'AMAZON.CancelIntent'],
    ['never mind', 'AMAZON.CancelIntent'],
    ['yes', 'AMAZON.YesIntent'],
    ['Sure.', 'AMAZON.YesIntent'],
    ['no thanks', 'AMAZON.NoIntent'],
    ['next', 'AMAZON.NextIntent'],
    ['go home', 'AMAZON.NavigateHomeIntent'],
  ])('knows the built-in phrasing "%s" as %s', (said, intent) => {
    expect(resolver.resolve(said)).toEqual({ kind: 'intent', name: intent, slots: {} });
  });

  it('sends words that match nothing as AMAZON.FallbackIntent', () => {
    expect(resolver.resolve('order me a pizza')).toEqual({ kind: 'intent', name: 'AMAZON.FallbackIntent', slots: {} });
  });

  it('opens the skill for "open playlist pal" and treats "exit" as the user closing it', () => {
    expect(resolver.resolve('Alexa, open Playlist Pal')).toEqual({ kind: 'launch' });
    expect(resolver.resolve('exit')).toEqual({ kind: 'exit' });
  });

  it('resolves a one-shot "ask playlist pal to …" as a fresh session', () => {
    expect(resolver.resolve('ask playlist pal to list my playlists')).toEqual({
      kind: 'intent',
      name: 'ListPlaylistsIntent',
      slots: {},
      newSession: true,
    });
  });

  it('normalises typographic apostrophes and spacing the way samples are written', () => {
    expect(normaliseUtterance('  What’s   in my LIBRARY?! ')).toBe("what's in my library");
  });
});
