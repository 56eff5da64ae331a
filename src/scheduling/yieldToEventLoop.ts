let channel: MessageChannel | null = null;
const waiting: (() => void)[] = [];

/**
 * Resolves in a new macrotask, so events already queued (IndexedDB request and transaction
 * events among them) run first. In browsers a message to oneself, not setTimeout (nested timeouts
 * are clamped to 4 ms); in Node setImmediate, as a message port left listening would keep the
 * process alive.
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  if (channel === null) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  const port = channel.port2;
  return new Promise((resolve) => {
    waiting.push(resolve);
    port.postMessage(null);
  });
}
