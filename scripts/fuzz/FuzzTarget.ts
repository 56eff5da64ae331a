import type { SeededRandom } from '../../src/demo/seededRandom.ts';

/** One generated input file. */
export interface FuzzInput {
  /** File name; its extension drives format detection as it does for a dropped file. */
  fileName: string;
  bytes: Uint8Array;
  /** Bytes per push into the parser (the file's read size); 0 pushes the whole file at once. */
  chunkBytes: number;
}

/** What the product made of one input: a report's counts, or the code of its refusal. */
export type FuzzRunResult =
  | { read: true; format: string; rowsIn: number; rejected: number; warnings: number }
  | { read: false; code: string };

/** The ways a case can fail, in the order the summary lists them. */
export const FAILURE_KINDS = ['crash', 'hang', 'memory', 'count-rule', 'invariant', 'cli'] as const;

/** A kind of fuzz failure. */
export type FailureKind = (typeof FAILURE_KINDS)[number];

/** A check the product failed on an input (anything else thrown is a crash). */
export class FuzzCheckError extends Error {
  override readonly name = 'FuzzCheckError';
  readonly kind: FailureKind;

  constructor(kind: FailureKind, message: string) {
    super(message);
    this.kind = kind;
  }
}

/**
 * An input format under fuzzing. Adding a format (bundles, …) means adding one target: the
 * runner, the worker, the watchdog, the CLI sample and the summary stay as they are.
 */
export interface FuzzTarget {
  /** Short name, as given to `--format`. */
  readonly name: string;
  /** Builds one input from `random` alone, so a seed and a case index reproduce it. */
  generate(random: SeededRandom): FuzzInput;
  /**
   * Runs the input through the product's own import path (in memory) and checks the outcome.
   * Resolves with the result, or rejects: FuzzCheckError for a failed check, anything else is a
   * crash.
   */
  run(input: FuzzInput): Promise<FuzzRunResult>;
}
