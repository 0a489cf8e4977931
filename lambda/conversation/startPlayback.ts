import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { translator } from '../i18n';
import { chooseDevice } from '../playback/chooseDevice';
import { clip, escapeSsml } from '../speech/ssml';
import { Forbidden, NoActiveDevice, NotFound, PremiumRequired, type Device, type SpotifyApi } from '../spotify';
import type { PlaylistRef } from './sessionState';

/** Playback failures whose sentence names the playlist or the device; anything else goes to the error handler. */
function playbackFailureKey(error: unknown): string | undefined {
  if (error instanceof PremiumRequired) return 'play.premiumRequired';
  // A 404 with a device id means the device vanished between listing and playing.
  if (error instanceof NoActiveDevice || error instanceof NotFound) return 'play.deviceAsleep';
  // Spotify's "restriction violated": the device refuses remote control.
  if (error instanceof Forbidden) return 'play.restricted';
  return undefined;
}

/**
 * Starts `playlist` on the device that makes sense and says where; or says why it cannot.
 * `devices` is the device list when it was asked for already, alongside the playlist's name.
 */
export async function startPlayback(input: HandlerInput, spotify: SpotifyApi, playlist: PlaylistRef, devices?: Promise<readonly Device[]>): Promise<Response> {
  const { t, spokenName, shownName } = translator(input);
  const name = spokenName(playlist.name);
  const finish = (key: string, values: Record<string, string | number> = {}) =>
    input.responseBuilder.speak(t(key, { name, ...values })).withShouldEndSession(true).getResponse();

  // Spotify would accept it and play nothing, or refuse with a reason that blames the device.
  if (playlist.empty === true) return finish('play.empty');

  const choice = chooseDevice(await (devices ?? spotify.player.devices()));
  if (choice.kind === 'none') return finish('play.noDevice');
  if (choice.kind === 'unclear') return finish('play.unclearDevice', { count: choice.count });

  const device = choice.device;
  try {
    await spotify.player.play(playlist.uri, device.id);
  } catch (error) {
    const key = playbackFailureKey(error);
    if (key === undefined) throw error;
    return finish(key, { device: escapeSsml(clip(device.name)) });
  }
  return input.responseBuilder
    .speak(t('play.playing', { name, device: escapeSsml(clip(device.name)) }))
    .withSimpleCard(t('play.cardTitle'), t('play.cardText', { name: shownName(playlist.name), device: clip(device.name) }))
    .withShouldEndSession(true)
    .getResponse();
}
