import { readListenerMemory, welcomeDue } from '../../lambda/conversation/listenerMemory';

const PLAYLIST = { id: '37i9dQZF1DXcBWIGoYBM5M', name: 'Morning Run', uri: 'spotify:playlist:37i9dQZF1DXcBWIGoYBM5M' };

describe('reading what is remembered of a listener', () => {
  it('reads every field the skill stores', () => {
    const stored = {
      lastPlaylist: PLAYLIST,
      lastDevice: { id: 'device-1', name: 'Kitchen Echo' },
      linkedAt: '2026-01-01T10:00:00.000Z',
      welcomedAt: '2026-01-01T10:05:00.000Z',
    };

    expect(readListenerMemory(stored)).toEqual(stored);
  });

  it.each([
    ['not an object', 'garbage'],
    ['an array', [PLAYLIST]],
    ['null', null],
  ])('reads %s as nothing remembered', (_, raw) => {
    expect(readListenerMemory(raw)).toEqual({});
  });

  it('drops each field that is not what the skill wrote, and keeps the rest', () => {
    const memory = readListenerMemory({
      lastPlaylist: { id: '../../etc', name: 'x', uri: 'spotify:playlist:x' },
      lastDevice: { id: 'x'.repeat(500), name: 'Kitchen Echo' },
      linkedAt: 'last tuesday',
      welcomedAt: 1767261600000,
    });

    expect(memory).toEqual({});
    expect(readListenerMemory({ lastPlaylist: PLAYLIST, lastDevice: { id: '', name: 'nameless' } })).toEqual({ lastPlaylist: PLAYLIST });
  });

  it('clips a remembered name as long as Spotify allows to what is spoken', () => {
    const memory = readListenerMemory({ lastPlaylist: { ...PLAYLIST, name: 'Run '.repeat(500) }, lastDevice: { id: 'd', name: 'Echo '.repeat(500) } });

    expect(memory.lastPlaylist!.name.length).toBeLessThan(400);
    expect(memory.lastDevice!.name.length).toBeLessThan(400);
  });
});

describe('the welcome after linking', () => {
  it('is due once the account was linked and until it was given', () => {
    expect(welcomeDue({ linkedAt: '2026-01-01T10:00:00.000Z' })).toBe(true);
    expect(welcomeDue({ linkedAt: '2026-01-01T10:00:00.000Z', welcomedAt: '2026-01-01T10:05:00.000Z' })).toBe(false);
    expect(welcomeDue({})).toBe(false);
  });
});
