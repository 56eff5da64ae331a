import { VIEW_STATE_VERSION } from './ViewState.ts';

/** A raw view-state record on its way through the migrations: any JSON object. */
export type RawViewState = Record<string, unknown>;

/** Turns a record of version `from` into one of version `from + 1`. */
export interface ViewStateMigration {
  from: number;
  /** What changed, for people reading the list. */
  change: string;
  migrate(raw: RawViewState): RawViewState;
}

/**
 * Every migration, oldest first. Version 0 is what the board kept before view states had a
 * version: the `lang`/`theme` preferences and MapLibre's `#view=zoom/lat/lon` hash, decoded into
 * `{ locale, theme, camera }` (see decodeViewUrl and the `tidegate.preferences` storage key).
 */
export const VIEW_STATE_MIGRATIONS: readonly ViewStateMigration[] = [
  {
    from: 0,
    change: 'versioned view state: preferences and camera join the model, filters, layers and selection',
    migrate: (raw) => {
      const next: RawViewState = { version: 1 };
      if (raw.locale !== undefined) next.locale = raw.locale;
      if (raw.theme !== undefined) next.theme = raw.theme;
      if (raw.camera !== undefined) next.camera = raw.camera;
      return next;
    },
  },
];

/** Throws unless the migrations run from 0 up to VIEW_STATE_VERSION one step at a time. */
export function checkMigrationSequence(migrations: readonly ViewStateMigration[] = VIEW_STATE_MIGRATIONS): void {
  migrations.forEach((migration, k) => {
    if (migration.from !== k) throw new Error(`View-state migration ${k} starts from version ${migration.from}, expected ${k}`);
  });
  if (migrations.length !== VIEW_STATE_VERSION) {
    throw new Error(`View-state migrations reach version ${migrations.length}, but VIEW_STATE_VERSION is ${VIEW_STATE_VERSION}`);
  }
}

/** Brings `raw` of version `from` up to VIEW_STATE_VERSION. */
export function migrateViewState(raw: RawViewState, from: number, migrations: readonly ViewStateMigration[] = VIEW_STATE_MIGRATIONS): RawViewState {
  let current = raw;
  for (let version = from; version < VIEW_STATE_VERSION; version++) current = migrations[version].migrate(current);
  return current;
}

checkMigrationSequence();
