import { strict as assert } from 'node:assert';
import { Cancelled, finish, inSlices, type Sliced } from '../../src/core';

/** Work of `units` steps, each advancing a fake clock by 1 ms, pausing after each. */
function* counting(units: number, clock: { t: number }): Sliced<number> {
  for (let i = 0; i < units; i++) {
    clock.t += 1;
    yield;
  }
  return units;
}

describe('work in slices', () => {
  it('runs work to its end at once', () => {
    assert.equal(finish(counting(100, { t: 0 })), 100);
  });

  it('gives the thread back whenever a slice has run its time, and returns the result', async () => {
    const clock = { t: 0 };
    const pausedAt: number[] = [];
    const result = await inSlices(counting(100, clock), { sliceMs: 10, now: () => clock.t, pause: async () => void pausedAt.push(clock.t) });
    assert.equal(result, 100);
    // A slice ends at the first pause point at or past its deadline: every 10 ms of work.
    assert.deepEqual(pausedAt, [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
  });

  it('finishes work that fits in one slice without pausing', async () => {
    const clock = { t: 0 };
    let pauses = 0;
    assert.equal(await inSlices(counting(5, clock), { sliceMs: 10, now: () => clock.t, pause: async () => void pauses++ }), 5);
    assert.equal(pauses, 0);
  });

  it('stops at a pause once the result is no longer wanted', async () => {
    const clock = { t: 0 };
    let wanted = true;
    let cleanedUp = false;
    function* work(): Sliced<string> {
      try {
        for (;;) {
          clock.t += 1;
          yield;
        }
      } finally {
        cleanedUp = true;
      }
    }
    const running = inSlices(work(), { sliceMs: 3, now: () => clock.t, pause: async () => void (wanted = clock.t < 9), cancelled: () => !wanted });
    await assert.rejects(running, Cancelled);
    assert.ok(cleanedUp, 'the work was closed');
    assert.equal(clock.t, 9);
  });
});
