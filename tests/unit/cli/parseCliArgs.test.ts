import { describe, expect, it } from 'vitest';
import { CliUsageError } from '../../../src/cli/CliUsageError.ts';
import { parseCliArgs, type FlagSpecs } from '../../../src/cli/parseCliArgs.ts';

const SPECS = {
  json: { kind: 'boolean' },
  help: { kind: 'boolean' },
  name: { kind: 'string' },
  ratio: { kind: 'number', min: 0, exclusiveMin: true, max: 1 },
  count: { kind: 'integer', min: 1 },
  at: { kind: 'time' },
} as const satisfies FlagSpecs;

function parse(args: string[]) {
  return parseCliArgs(args, SPECS, 'validate');
}

function usageError(args: string[]): CliUsageError {
  try {
    parse(args);
  } catch (error) {
    if (error instanceof CliUsageError) return error;
    throw error;
  }
  throw new Error(`parsed ${JSON.stringify(args)} without an error`);
}

describe('parseCliArgs', () => {
  it('splits positionals from typed flags in any order, with separate or inline values', () => {
    const { positionals, flags } = parse(['a.csv', '--json', '--name', 'X', 'b.csv', '--ratio=0.25', '--count', '3', '--at', '2026-03-01 08:00', '-']);
    expect(positionals).toEqual(['a.csv', 'b.csv', '-']);
    expect(flags).toEqual({ json: true, name: 'X', ratio: 0.25, count: 3, at: Date.parse('2026-03-01T00:00:00Z') });
  });

  it('reads -h as --help and stops at --', () => {
    expect(parse(['-h']).flags.help).toBe(true);
    expect(parse(['--', '--json', '-h'])).toEqual({ positionals: ['--json', '-h'], flags: {} });
  });

  it('accepts plain decimals only, within the bounds', () => {
    expect(parse(['--ratio', '1']).flags.ratio).toBe(1);
    expect(parse(['--ratio', '.5']).flags.ratio).toBe(0.5);
    expect(parse(['--count', '1e2']).flags.count).toBe(100);
    for (const bad of ['0x1', '1,5', '', ' ', 'NaN', 'Infinity', '5%', '1.2.3']) {
      expect(usageError(['--ratio', bad]).message).toBe(`--ratio must be a number, got '${bad}'`);
    }
    for (const bad of ['0', '-0.5', '1.5']) {
      expect(usageError(['--ratio', bad]).message).toBe(`--ratio must be a number > 0 and ≤ 1, got '${bad}'`);
    }
    expect(usageError(['--count', '2.5']).message).toBe("--count must be an integer, got '2.5'");
    expect(usageError(['--count', '0']).message).toBe("--count must be an integer ≥ 1, got '0'");
  });

  it('names the problem with a flag and the command whose usage applies', () => {
    const unknown = usageError(['--nope']);
    expect(unknown.message).toBe("unknown option '--nope' for 'validate'");
    expect(unknown.command).toBe('validate');
    expect(usageError(['--name']).message).toBe('--name needs a value');
    expect(usageError(['--name', '--json']).message).toBe('--name needs a value');
    expect(usageError(['--json=1']).message).toBe('--json takes no value');
    expect(usageError(['--count', '1', '--count=2']).message).toBe('--count is given more than once');
    expect(usageError(['--at', '2026-03-01T10:00+15:00']).message).toMatch(/^--at: /);
    expect(usageError(['-x']).message).toBe("unknown option '-x'");
    expect(usageError(['--constructor', 'x']).message).toContain('unknown option');
  });
});
