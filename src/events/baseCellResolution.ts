/** Resolution of the H3 cell computed per event at import; coarser cells derive from it. */
export const BASE_CELL_RESOLUTION = 9;
