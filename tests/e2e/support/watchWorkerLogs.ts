import type { Browser, CDPSession } from 'playwright-core';

/** What the dedicated workers of a browser logged, collected over the DevTools protocol. */
export interface WorkerLogs {
  /** `level: text (url)` of every log entry of every worker seen since the watch began. */
  entries: string[];
  stop(): Promise<void>;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/**
 * Collects the browser's log entries (`Log.entryAdded`: CSP violations, network errors,
 * deprecations) from every dedicated worker, which Playwright's page `console` event does not
 * report. Each worker is attached once as it appears; `Log.enable` replays what it logged before.
 */
export async function watchWorkerLogs(browser: Browser): Promise<WorkerLogs> {
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  const entries: string[] = [];
  const attached = new Set<string>();
  cdp.on('Target.receivedMessageFromTarget', (event: { message: string }) => {
    const message = JSON.parse(event.message) as { method?: string; params?: { entry?: { level: string; text: string; url?: string } } };
    const entry = message.params?.entry;
    if (message.method === 'Log.entryAdded' && entry !== undefined) entries.push(`${entry.level}: ${entry.text} (${entry.url ?? ''})`);
  });
  const attach = async (target: TargetInfo): Promise<void> => {
    if (target.type !== 'worker' || attached.has(target.targetId)) return;
    attached.add(target.targetId);
    try {
      const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
      await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Log.enable' }) });
    } catch {
      // The worker ended before it could be attached: nothing more to hear from it.
    }
  };
  cdp.on('Target.targetCreated', (event: { targetInfo: TargetInfo }) => void attach(event.targetInfo));
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  return {
    entries,
    stop: () => cdp.detach(),
  };
}
