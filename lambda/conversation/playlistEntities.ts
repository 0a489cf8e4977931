import type { HandlerInput } from 'ask-sdk-core';
import { playlistEntitiesDirective, type EntitySource } from '../alexa/dynamicEntities';
import { readSession, updateSession } from './sessionState';
import { spokenLanguage } from './spokenLanguage';

/*
 * Teaches Alexa the user's playlist names for the rest of the session, so that "play rock and
 * roll" arrives already resolved to the user's own playlist. Each update replaces the last one.
 */

/** Sends the names when they are more than the session has taught so far, and remembers how many. */
export function teachPlaylistNames(input: HandlerInput, playlists: readonly EntitySource[]): void {
  if (playlists.length <= (readSession(input).playlistEntitiesSent ?? 0)) return;
  const directive = playlistEntitiesDirective(playlists, spokenLanguage(input));
  if (directive === undefined) return;
  input.responseBuilder.addDirective(directive);
  updateSession(input, { playlistEntitiesSent: playlists.length });
}

/**
 * The page of names just read out, as long as no larger set was taught: the user is likely to
 * pick from it next. Nothing is remembered, so each page replaces the previous one.
 */
export function teachPageNames(input: HandlerInput, playlists: readonly EntitySource[]): void {
  if (readSession(input).playlistEntitiesSent !== undefined) return;
  const directive = playlistEntitiesDirective(playlists, spokenLanguage(input));
  if (directive !== undefined) input.responseBuilder.addDirective(directive);
}
