import { chooseDevice } from '../../lambda/playback/chooseDevice';
import type { Device } from '../../lambda/spotify';

const device = (name: string, type: string, extra: Partial<Device> = {}): Device => ({
  id: `id-${name}`,
  name,
  type,
  isActive: false,
  isRestricted: false,
  ...extra,
});

describe('choosing where to play', () => {
  it('takes the device that is already playing, even over an Echo', () => {
    const phone = device('Pixel', 'Smartphone', { isActive: true });
    expect(chooseDevice([device('Kitchen Echo', 'Speaker'), phone])).toEqual({ kind: 'device', device: phone });
  });

  it('takes an Echo over another speaker when nothing is playing', () => {
    const echo = device('Kitchen Echo', 'Speaker');
    expect(chooseDevice([device('Sonos Move', 'Speaker'), device('MacBook', 'Computer'), echo])).toEqual({ kind: 'device', device: echo });
  });

  it('takes any speaker when there is no Echo', () => {
    const sonos = device('Sonos Move', 'Speaker');
    expect(chooseDevice([device('MacBook', 'Computer'), sonos])).toEqual({ kind: 'device', device: sonos });
  });

  it('takes the only device there is', () => {
    const laptop = device('MacBook', 'Computer');
    expect(chooseDevice([laptop])).toEqual({ kind: 'device', device: laptop });
  });

  it('does not guess between several devices of which none plays and none is a speaker', () => {
    expect(chooseDevice([device('MacBook', 'Computer'), device('Pixel', 'Smartphone')])).toEqual({ kind: 'unclear', count: 2 });
  });

  it('skips restricted devices and devices without an id, even when active', () => {
    const restricted = device('Car', 'Automobile', { isActive: true, isRestricted: true });
    const anonymous = device('Hidden Echo', 'Speaker', { id: undefined });
    const laptop = device('MacBook', 'Computer');
    expect(chooseDevice([restricted, anonymous, laptop])).toEqual({ kind: 'device', device: laptop });
    expect(chooseDevice([restricted, anonymous])).toEqual({ kind: 'none' });
  });

  it('has nothing to offer when there are no devices', () => {
    expect(chooseDevice([])).toEqual({ kind: 'none' });
  });
});

describe('choosing where to play, with the device the listener played on last time', () => {
  const laptop = device('MacBook', 'Computer');
  const phone = device('Pixel', 'Smartphone');

  it('takes the remembered device when several are idle, where it would otherwise not guess', () => {
    expect(chooseDevice([laptop, phone], { id: 'id-Pixel', name: 'Pixel' })).toEqual({ kind: 'device', device: phone });
  });

  it('takes the remembered device over an Echo', () => {
    expect(chooseDevice([device('Kitchen Echo', 'Speaker'), laptop], { id: 'id-MacBook', name: 'MacBook' })).toEqual({ kind: 'device', device: laptop });
  });

  it('still takes the device that is playing now over the remembered one', () => {
    const playing = device('Pixel', 'Smartphone', { isActive: true });
    expect(chooseDevice([laptop, playing], { id: 'id-MacBook', name: 'MacBook' })).toEqual({ kind: 'device', device: playing });
  });

  it('finds the remembered device by its name when Spotify gave it a new id', () => {
    const renumbered = device('MacBook', 'Computer', { id: 'a-new-id' });
    expect(chooseDevice([renumbered, phone], { id: 'id-MacBook', name: 'MacBook' })).toEqual({ kind: 'device', device: renumbered });
  });

  it('does not guess by name when two devices have it', () => {
    const twins = [device('Echo Dot', 'Smartphone', { id: 'one' }), device('Echo Dot', 'Smartphone', { id: 'two' })];
    expect(chooseDevice(twins, { id: 'gone', name: 'Echo Dot' })).toEqual({ kind: 'unclear', count: 2 });
  });

  it('ignores a remembered device that is gone or restricted now', () => {
    const restricted = device('Car', 'Automobile', { isRestricted: true });
    expect(chooseDevice([laptop, phone, restricted], { id: 'id-Car', name: 'Car' })).toEqual({ kind: 'unclear', count: 2 });
    expect(chooseDevice([laptop, phone], { id: 'id-Tablet', name: 'Tablet' })).toEqual({ kind: 'unclear', count: 2 });
  });
});
