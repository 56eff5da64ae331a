import type { Remote } from 'comlink';
import { formatMessage, type MessageKey } from '../i18n/messages.ts';
import type { Locale } from '../i18n/locales.ts';
import type { EventSnapshot } from '../board/eventSnapshot.ts';
import type { BoardWorkerApi } from '../../workers/boardWorkerApi.ts';
import { connectBoardData } from './boardDataClient.ts';
import { loadPreferences, savePreferences, type Theme } from './preferences.ts';

/**
 * The board's reactive state and the actions the components dispatch. Components read these
 * fields and call these methods; the data work happens in the worker.
 */
export class BoardController {
  locale: Locale = $state('en');
  theme: Theme = $state('dark');
  demo = $state(false);
  status: 'loading' | 'ready' | 'error' = $state('loading');
  errorMessage = $state('');
  zoom = $state(7);
  snapshot: EventSnapshot | null = $state.raw(null);
  private data: Remote<BoardWorkerApi> | BoardWorkerApi | null = null;

  constructor() {
    const preferences = loadPreferences(location.href, localStorage, navigator.languages);
    this.locale = preferences.locale;
    this.theme = preferences.theme;
    this.applyDocumentPreferences();
  }

  /** Translates a UI string in the current locale. */
  t = (key: MessageKey, values?: Record<string, string | number>): string => formatMessage(this.locale, key, values);

  /** Connects to the data worker and loads the events. */
  async start(): Promise<void> {
    try {
      this.data = await connectBoardData();
      const result = await this.data.load();
      this.demo = result.demo;
      this.snapshot = result.snapshot;
      this.status = 'ready';
    } catch (error) {
      this.status = 'error';
      this.errorMessage = error instanceof Error ? error.message : String(error);
    }
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.persist();
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    this.persist();
  }

  private persist(): void {
    savePreferences({ locale: this.locale, theme: this.theme }, localStorage, history, location);
    this.applyDocumentPreferences();
  }

  private applyDocumentPreferences(): void {
    document.documentElement.lang = this.locale;
    document.documentElement.dataset.theme = this.theme;
    document.documentElement.style.colorScheme = this.theme;
  }
}
