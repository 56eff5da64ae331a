/** Where keyboard focus was before a panel took it, to give it back when the panel closes. */
export interface FocusMemory {
  element: HTMLElement;
  /**
   * A selector for an element of the same identity (test id and data-cell/-id/-source), for when
   * the remembered element was re-rendered while the panel was open.
   */
  selector: string | null;
}

/** Attributes that identify a list item across re-renders. */
const IDENTITY_ATTRIBUTES = ['data-testid', 'data-cell', 'data-id', 'data-source'] as const;

let last: FocusMemory | null = null;
let listening = false;

function selectorOf(element: HTMLElement): string | null {
  const parts = IDENTITY_ATTRIBUTES.flatMap((name) => {
    const value = element.getAttribute(name);
    return value === null ? [] : [`[${name}="${CSS.escape(value)}"]`];
  });
  return parts.length === 0 ? null : parts.join('');
}

/**
 * Starts remembering the last focused element outside `[data-focus-scope]` regions (panels that
 * take focus). Call once; later calls do nothing.
 */
export function trackFocus(): void {
  if (listening || typeof document === 'undefined') return;
  listening = true;
  document.addEventListener('focusin', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLElement) || target.closest('[data-focus-scope]') !== null) return;
    last = { element: target, selector: selectorOf(target) };
  });
}

/** The last element focused outside focus-taking panels, or null. */
export function lastFocus(): FocusMemory | null {
  return last;
}

/**
 * Gives focus back to a remembered element after the DOM has settled: the element itself when it
 * is still on the page, else the element that now has its identity; else leaves focus alone.
 */
export function returnFocus(memory: FocusMemory | null): void {
  if (memory === null) return;
  setTimeout(() => {
    const target = memory.element.isConnected ? memory.element : memory.selector === null ? null : document.querySelector<HTMLElement>(memory.selector);
    target?.focus();
  }, 0);
}
