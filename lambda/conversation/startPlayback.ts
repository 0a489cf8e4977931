import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { translator } from '../i18n';
import { chooseDevice } from '../playback/chooseDevice';
import { clip, escapeSsml } from '../speech/ssml';
import { Forbidden, NoActiveDevice, NotFound, PremiumRequired, type Device, type SpotifyApi } from '../spotify';
import { recall, remember } from './listenerMemory';
import { playlistRef, updateSession, type PlaylistRef } from './sessionState';

/** After a failure: the same playlist again once a device is ready, the list of playlists, or nothing. */
type PlaybackOffer = 'playAgain' | 'list' | 'nothing';

/**
 * Playback failures whose sentence names the playlist or the device, and what each offers: to
 * try the same playlist again once a device is ready, to list the playlists (no Premium), or
 * nothing. Anything else goes to the error handler.
 */
function playbackFailure(error: unknown): readonly [key: string, offer: PlaybackOffer] | undefined {
  if (error instanceof PremiumRequired) return ['play.premiumRequired', 'list'];
  // A 404 with a device id means the device vanished between listing and playing.
  if (error instanceof NoActiveDevice || error instanceof NotFound) return ['play.deviceAsleep', 'playAgain'];
  // Spotify's "restriction violated" (a player refusal, with a reason): the device refuses remote
  // control. A 403 without a reason is the token's missing scope, which no device can fix.
  if (error instanceof Forbidden && error.reason !== undefined) return ['play.restricted', 'nothing'];
  return undefined;
}

/**
 * Starts `playlist` on the device that makes sense and says where; or says why it cannot.
 * `devices` is Spotify's device list when the caller asked for it already. What started where
 * is remembered for "play it again" and for choosing the device next time.
 */
export async function startPlayback(
  input: HandlerInput,
  spotify: SpotifyApi,
  playlist: PlaylistRef,
  devices: Promise<readonly Device[]> = spotify.player.devices(),
): Promise<Response> {
  const { t, spokenName, shownName } = translator(input);
  const name = spokenName(playlist.name);
  /** Says why nothing plays; an offer keeps the session open for the "yes" that accepts it. */
  const stop = (key: string, offer: PlaybackOffer, values: Record<string, string | number> = {}) => {
    const speech = t(key, { name, ...values });
    if (offer === 'nothing') return input.responseBuilder.speak(speech).withShouldEndSession(true).getResponse();
    updateSession(input, { offer: offer === 'list' ? { kind: 'list' } : { kind: 'play', playlist } });
    const reprompt = offer === 'list' ? t('playlistName.noMatchReprompt') : t('play.tryAgainReprompt', { name });
    return input.responseBuilder.speak(speech).reprompt(reprompt).getResponse();
  };

  // Spotify would accept it and play nothing, or refuse with a reason that blames the device.
  if (playlist.empty === true) return stop('play.empty', 'nothing');

  const [available, recollection] = await Promise.all([devices, recall(input)]);
  const choice = chooseDevice(available, recollection.available ? recollection.memory.lastDevice : undefined);
  if (choice.kind === 'none') return stop('play.noDevice', 'playAgain');
  if (choice.kind === 'unclear') return stop('play.unclearDevice', 'playAgain', { count: choice.count });

  const device = choice.device;
  try {
    await spotify.player.play(playlist.uri, device.id);
  } catch (error) {
    const failure = playbackFailure(error);
    if (failure === undefined) throw error;
    return stop(failure[0], failure[1], { device: escapeSsml(clip(device.name)) });
  }
  await remember(input, { lastPlaylist: playlistRef(playlist), lastDevice: { id: device.id, name: clip(device.name) } });
  return input.responseBuilder
    .speak(t('play.playing', { name, device: escapeSsml(clip(device.name)) }))
    .withSimpleCard(t('play.cardTitle'), t('play.cardText', { name: shownName(playlist.name), device: clip(device.name) }))
    .withShouldEndSession(true)
    .getResponse();
}
