/**
 * Runs `run` once `clock()` reads `deadline` or later, and returns the function that cancels it.
 *
 * A timer set for `deadline - clock()` can fire while the clock still reads less than the
 * deadline: timer delays are whole milliseconds (a deadline need not be: a wall on a test time
 * scale has fractional ones), and the timer's clock is not the one `clock` reads (Date.now() can
 * be slewed). A state machine advanced "at its deadline" by such a timer does not move, and when
 * nothing else changes, nothing ever arms a timer for it again: the wall's cycle stopped so. Here
 * an early timer just waits again for the rest.
 */
export function runAtTime(deadline: number, run: () => void, clock: () => number = Date.now): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  // Always through a timer, even for a deadline already passed: the caller is often an effect,
  // which must not run `run` itself.
  const arm = (): void => {
    timer = setTimeout(wait, Math.max(0, Math.ceil(deadline - clock())));
  };
  const wait = (): void => {
    if (clock() < deadline) {
      arm();
      return;
    }
    timer = null;
    run();
  };
  arm();
  return () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
}
