import type { Selection } from '../view/ViewState.ts';

/** The parts an events export's file name takes from the selection, e.g. `['event', 'GD', 'X-1']`. */
export function selectionFileParts(selection: Selection): string[] {
  switch (selection.kind) {
    case 'hotspot':
      return ['hotspot', selection.cell];
    case 'site':
    case 'channel':
      return [selection.kind, selection.id];
    case 'alert':
      return ['alert', selection.id];
    case 'event':
      return ['event', selection.source, selection.id];
  }
}
