import { Deadline } from '../../lambda/spotify';
import { manualClock } from '../support/spotifyClient';

describe('the request deadline', () => {
  it('counts down the budget', () => {
    const clock = manualClock();
    const deadline = Deadline.after(6500, undefined, clock.now);

    clock.advance(2000);

    expect(deadline.remainingMs()).toBe(4500);
  });

  it('is sooner when Lambda says less time remains', () => {
    const clock = manualClock();

    expect(Deadline.after(6500, 3000, clock.now).remainingMs()).toBe(3000);
    expect(Deadline.after(6500, 9000, clock.now).remainingMs()).toBe(6500);
  });

  it('never has less than nothing left', () => {
    const clock = manualClock();
    const deadline = Deadline.after(100, -50, clock.now);

    clock.advance(1000);

    expect(deadline.remainingMs()).toBe(0);
  });
});
