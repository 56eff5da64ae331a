import { STORE_CHANNEL_NAME, type StoreChangedMessage } from '../importing/storeChannel.ts';

/** How many of this page's own import ids are remembered to skip their messages. */
const OWN_IMPORTS_KEPT = 32;

/**
 * Keeps a page in step with imports published by other tabs: on their `tidegate-store` message it
 * reloads, once. The page's own imports reload when they return, so their messages are skipped;
 * a message that arrives while an own import runs (perhaps another tab's) reloads after it.
 */
export class StoreSync {
  private readonly ownImportIds: string[] = [];
  private running = 0;
  private changedMeanwhile = false;
  private channel: BroadcastChannel | null = null;

  constructor(private readonly reload: () => Promise<void>) {}

  /** Starts listening; call before the first load so no publish is missed. */
  start(): void {
    this.channel = new BroadcastChannel(STORE_CHANNEL_NAME);
    this.channel.onmessage = (event: MessageEvent<Partial<StoreChangedMessage>>) => {
      if (this.ownImportIds.includes(event.data?.importId ?? '')) return;
      if (this.running > 0) {
        this.changedMeanwhile = true;
        return;
      }
      void this.reload();
    };
  }

  /** Remembers an import this page ran. */
  ownImport(importId: string): void {
    this.ownImportIds.push(importId);
    if (this.ownImportIds.length > OWN_IMPORTS_KEPT) this.ownImportIds.shift();
  }

  /** Tells how many imports this page is running; at 0, a message held meanwhile reloads. */
  setRunning(running: number): void {
    this.running = running;
    if (running === 0 && this.changedMeanwhile) {
      this.changedMeanwhile = false;
      void this.reload();
    }
  }

  stop(): void {
    this.channel?.close();
    this.channel = null;
  }
}
