/**
 * The code the board's exports run, gathered so that BoardExports loads it with one dynamic
 * import() the first time an export starts: none of it is needed to show the board.
 */
export { eventCsvTable } from '../export/eventCsvTable.ts';
export { exportCsvPieces } from '../export/exportCsvPieces.ts';
export { hotspotCsvTable } from '../export/hotspotCsvTable.ts';
export { mapCaption } from '../export/mapCaption.ts';
export { mapLegend } from '../export/mapLegend.ts';
export { selectionFileParts } from '../export/selectionFileParts.ts';
export { composeMapImage } from './exportMapImage.ts';
