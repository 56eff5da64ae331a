const channel = typeof MessageChannel === 'undefined' ? null : new MessageChannel();
const waiting: (() => void)[] = [];
if (channel) channel.port1.onmessage = () => waiting.shift()?.();

/**
 * Resolves in a new macrotask, so events already queued (IndexedDB request and transaction
 * events among them) run first. A message to oneself, not setTimeout: nested timeouts are clamped
 * to 4 ms.
 */
export function yieldToEventLoop(): Promise<void> {
  if (!channel) return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}
