import { RetryGate } from '../../lambda/spotify/retryGate';
import { manualClock } from '../support/spotifyClient';

/** A sleep that ends when the test says, recording how long it was asked for. */
function controlledSleep() {
  const asked: number[] = [];
  const wake: Array<() => void> = [];
  return {
    asked,
    wakeAll: () => wake.splice(0).forEach((resolve) => resolve()),
    sleep: (ms: number) => {
      asked.push(ms);
      return new Promise<void>((resolve) => wake.push(resolve));
    },
  };
}

const settled = async (promise: Promise<void>) => {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe('the gate a 429 closes for every call of a request', () => {
  it('lets calls through at once while no Retry-After is pending', async () => {
    expect(await settled(new RetryGate().passage())).toBe(true);
  });

  it('holds every call back until the pause is over', async () => {
    const { sleep, wakeAll } = controlledSleep();
    const gate = new RetryGate();
    gate.hold(1000, sleep);

    const waiting = gate.passage();
    expect(await settled(waiting)).toBe(false);
    wakeAll();
    expect(await settled(waiting)).toBe(true);
  });

  it('keeps a longer pause when a shorter Retry-After arrives meanwhile, and takes a longer one', async () => {
    const clock = manualClock();
    const { sleep, asked } = controlledSleep();
    const gate = new RetryGate(clock.now);

    gate.hold(2000, sleep);
    clock.advance(500);
    gate.hold(1000, sleep);
    gate.hold(3000, sleep);

    expect(asked).toEqual([2000, 3000]);
  });
});
