/** The commands runCli knows, in the order the usage lists them. */
export const COMMANDS = ['validate', 'hotspots', 'alerts', 'keys', 'bundle', 'help'] as const;

/** One of COMMANDS. */
export type CommandName = (typeof COMMANDS)[number];

const SOURCE_CRS_OPTIONS = `  --source S            source (agency) for rows that name none
  --crs C               coordinate system for rows that name none (default WGS84)`;

const FEED_OPTIONS = `${SOURCE_CRS_OPTIONS}
  --passphrase-file P   passphrase of encrypted bundles among the FILEs
  A FILE may be a briefing bundle (.tidegate): it is verified, then read as its events.`;

const AT_OPTION = `  --at TIME             evaluation instant, required: 2026-03-01T12:00:00+08:00,
                        2026-03-01T04:00:00Z, 2026-03-01 12:00 (read as UTC+08:00) or epoch ms`;

const SECTIONS: Readonly<Record<Exclude<CommandName, 'help'>, string>> = {
  validate: `tidegate validate FILE... [--json] [--source S] [--crs C] [--passphrase-file P]
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
  keys: `tidegate keys create --out KEY.jwk
  Makes a signing key (ECDSA P-256) for bundles. Writes the private key to KEY.jwk (mode 0600,
  never overwritten) and the public key to KEY.pub.jwk, and prints the key's fingerprint.`,
  bundle: `tidegate bundle create FILE... --key KEY.jwk --out OUT.tidegate [options]
  Imports the files in order and writes a signed briefing bundle of the records.
  --key KEY.jwk         the signing key (from 'tidegate keys create'), required
  --out OUT.tidegate    the bundle to write, required (never overwritten)
  --level CODE          highest handling code the recipients may receive: H1-H5 (default H1);
                        records above it are withheld and counted in the manifest
  --passphrase-file P   encrypt the bundle with the passphrase in file P (AES-256-GCM)
  --view VIEW.json      a saved view for the briefing; repeat for a sequence
  --note TEXT           the note of the --view just before it
  --name TEXT           a name to show beside the key's fingerprint
  --no-compress         store entries uncompressed
${SOURCE_CRS_OPTIONS}

tidegate bundle verify BUNDLE [--passphrase-file P] [--trust PUB.jwk]... [--json]
  Checks every hash and the signature of a bundle and says who signed it. With --trust, a
  signer that is not one of the given keys is refused.
  --json                one JSON document on stdout`,
};

const EXIT_CODES = `Exit codes: 0 done (rows may have been rejected); 1 a file could not be read, or a
bundle was refused; 2 usage error; 3 internal error. Details: docs/cli.md`;

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
