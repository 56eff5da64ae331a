/** One record of the `views` table (schema version 2): a named, saved board state. */
export interface SavedView {
  id: string;
  name: string;
  /** The view state as JSON text; its shape belongs to the app. */
  state: string;
  /** Epoch ms of the last save. */
  updatedAt: number;
  /** The note to say with the view in a briefing (absent on records saved before notes existed). */
  note?: string;
  /** Place in the user's list, ascending (absent: after every positioned view, oldest first). */
  position?: number;
}
