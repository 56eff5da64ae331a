/** The commands runCli knows, in the order the usage lists them. */
export const COMMANDS = ['validate', 'hotspots', 'alerts', 'help'] as const;

/** One of COMMANDS. */
export type CommandName = (typeof COMMANDS)[number];

const FEED_OPTIONS = `  --source S            source (agency) for rows that name none
  --crs C               coordinate system for rows that name none (default WGS84)`;

const AT_OPTION = `  --at TIME             evaluation instant, required: 2026-03-01T12:00:00+08:00,
                        2026-03-01T04:00:00Z, 2026-03-01 12:00 (read as UTC+08:00) or epoch ms`;

const SECTIONS: Readonly<Record<Exclude<CommandName, 'help'>, string>> = {
  validate: `tidegate validate FILE... [--json] [--source S] [--crs C]
  Reports each file as if the files were imported in the given order into an empty store:
  counts, every rejected row (location, field, reason) and every warning.
  --json                one JSON document on stdout
${FEED_OPTIONS}`,
  hotspots: `tidegate hotspots FILE... --at TIME [options]
  Imports the files in order and ranks the H3 cells by decayed, graded risk score.
${AT_OPTION}
  --resolution N        H3 resolution 5-9 (default 7)
  --half-life-days D    age at which an event weighs half (default 7)
  --window-days W       events from TIME - W to TIME count (default 30)
  --top N               hotspots to list (default 20)
  --json                one JSON document on stdout
${FEED_OPTIONS}`,
  alerts: `tidegate alerts FILE... --at TIME [options]
  Imports the files in order and lists cells and sites whose recent event count is
  improbably high against their own baseline (Poisson test).
${AT_OPTION}
  --recent-hours H      recent window (default 24)
  --baseline-days D     baseline window just before it (default 28)
  --threshold P         alert when P(X >= observed) < P (default 0.001)
  --resolution N        H3 resolution 5-9 of the cells (default 7)
  --json                one JSON document on stdout
${FEED_OPTIONS}`,
};

const EXIT_CODES = `Exit codes: 0 done (rows may have been rejected); 1 a file could not be read;
2 usage error; 3 internal error. Details: docs/cli.md`;

/** Whether `name` is a command runCli knows. */
export function isCommandName(name: string): name is CommandName {
  return (COMMANDS as readonly string[]).includes(name);
}

/** Usage text of one command, or of the whole CLI when `command` is null or `help`. */
export function usageText(command: CommandName | null = null): string {
  if (command !== null && command !== 'help') return `Usage: ${SECTIONS[command]}\n\n${EXIT_CODES}\n`;
  const sections = Object.values(SECTIONS).join('\n\n');
  return `Tidegate command line: check feed files and score them with the board's risk engine.\n\nUsage:\n  tidegate help | --help\n\n${sections}\n\n${EXIT_CODES}\n`;
}
