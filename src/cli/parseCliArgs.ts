import { parseFeedTime, type TimeFailure } from '../feeds/parseFeedTime.ts';
import { CliUsageError } from './CliUsageError.ts';
import type { CommandName } from './usageText.ts';

/** A flag that is present or absent: `--json`. */
export interface BooleanFlagSpec {
  kind: 'boolean';
}

/** A flag with free text: `--source GACC-GD`. */
export interface StringFlagSpec {
  kind: 'string';
}

/** A flag with free text that may be given several times: `--trust A.jwk --trust B.jwk`. */
export interface ListFlagSpec {
  kind: 'list';
}

/** A flag with a plain decimal number, optionally an integer, within bounds. */
export interface NumberFlagSpec {
  kind: 'number' | 'integer';
  /** Smallest allowed value (inclusive unless `exclusiveMin`). */
  min?: number;
  /** The value must be greater than `min`, not equal to it. */
  exclusiveMin?: boolean;
  /** Largest allowed value, inclusive. */
  max?: number;
}

/** A flag with an instant in any form a feed `time` accepts (ISO 8601, UTC+08:00 local, epoch ms). */
export interface TimeFlagSpec {
  kind: 'time';
}

/** How one flag is read. */
export type FlagSpec = BooleanFlagSpec | StringFlagSpec | ListFlagSpec | NumberFlagSpec | TimeFlagSpec;

/** The flags of one command by name, without the leading `--`. */
export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

/** The parsed value type of a flag: boolean, string, the strings of a list flag in order, or a number (times are epoch ms). */
export type FlagValue<S extends FlagSpec> = S extends BooleanFlagSpec ? boolean : S extends StringFlagSpec ? string : S extends ListFlagSpec ? string[] : number;

/** A command line split into positional arguments and typed flag values (absent flags are undefined). */
export interface ParsedCliArgs<S extends FlagSpecs> {
  positionals: string[];
  flags: { -readonly [K in keyof S]?: FlagValue<S[K]> };
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function readNumber(flag: string, text: string, spec: NumberFlagSpec, command: CommandName): number {
  const value = DECIMAL.test(text) ? Number(text) : Number.NaN;
  const what = spec.kind === 'integer' ? 'an integer' : 'a number';
  if (!Number.isFinite(value) || (spec.kind === 'integer' && !Number.isInteger(value))) {
    throw new CliUsageError(`--${flag} must be ${what}, got '${text}'`, command);
  }
  const tooSmall = spec.min !== undefined && (spec.exclusiveMin ? value <= spec.min : value < spec.min);
  const tooLarge = spec.max !== undefined && value > spec.max;
  if (tooSmall || tooLarge) {
    const low = spec.min === undefined ? '' : `${spec.exclusiveMin ? '>' : '≥'} ${spec.min}`;
    const high = spec.max === undefined ? '' : `≤ ${spec.max}`;
    throw new CliUsageError(`--${flag} must be ${what} ${[low, high].filter((s) => s !== '').join(' and ')}, got '${text}'`, command);
  }
  return value;
}

function readTime(flag: string, text: string, command: CommandName): number {
  const failure: TimeFailure = { reason: '' };
  const value = parseFeedTime(text, failure);
  if (Number.isNaN(value)) {
    throw new CliUsageError(`--${flag}: ${failure.reason}`, command);
  }
  return value;
}

function readValue(flag: string, text: string, spec: FlagSpec, command: CommandName): string | number {
  switch (spec.kind) {
    case 'string':
    case 'list':
      if (text.trim() === '') throw new CliUsageError(`--${flag} needs a non-empty value`, command);
      return text;
    case 'number':
    case 'integer':
      return readNumber(flag, text, spec, command);
    case 'time':
      return readTime(flag, text, command);
    case 'boolean':
      throw new CliUsageError(`--${flag} takes no value`, command);
  }
}

/**
 * Parses `args` (the words after the command name) against `specs`. Flags are `--name value` or
 * `--name=value`; `-h` means `--help` when the command has one; `--` ends the flags; a lone `-`
 * and every other word is positional. A list flag may be repeated and collects its values in
 * order. Throws CliUsageError for an unknown flag, a repeated one that is not a list, a missing
 * value, or a value of the wrong type or out of bounds.
 */
export function parseCliArgs<S extends FlagSpecs>(args: readonly string[], specs: S, command: CommandName): ParsedCliArgs<S> {
  const positionals: string[] = [];
  const flags: Record<string, string | number | boolean | string[]> = {};
  let i = 0;
  while (i < args.length) {
    const arg = args[i++];
    if (arg === '--') {
      positionals.push(...args.slice(i));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (arg === '-h') {
      name = 'help';
    } else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq === -1 ? undefined : arg.slice(eq + 1);
    } else {
      throw new CliUsageError(`unknown option '${arg}'`, command);
    }
    const spec = Object.hasOwn(specs, name) ? specs[name] : undefined;
    if (spec === undefined) throw new CliUsageError(`unknown option '--${name}' for '${command}'`, command);
    if (Object.hasOwn(flags, name) && spec.kind !== 'list') throw new CliUsageError(`--${name} is given more than once`, command);
    if (spec.kind === 'boolean') {
      if (inline !== undefined) throw new CliUsageError(`--${name} takes no value`, command);
      flags[name] = true;
      continue;
    }
    let text = inline;
    if (text === undefined) {
      // A following flag is never taken as the value: `--at --json` is a forgotten value.
      if (i >= args.length || args[i].startsWith('--')) throw new CliUsageError(`--${name} needs a value`, command);
      text = args[i++];
    }
    const value = readValue(name, text, spec, command);
    if (spec.kind === 'list') ((flags[name] ??= []) as string[]).push(value as string);
    else flags[name] = value;
  }
  return { positionals, flags: flags as ParsedCliArgs<S>['flags'] };
}
