/** One record of the `views` table (schema version 2): a named, saved board state. */
export interface SavedView {
  id: string;
  name: string;
  /** The view state as JSON text; its shape belongs to the app. */
  state: string;
  /** Epoch ms of the last save. */
  updatedAt: number;
}
