import { UsageError } from '../usage-error';

/** What one command accepts. */
export interface CommandSpec {
  readonly name: string;
  /** One line for `wa-stages --help`. */
  readonly summary: string;
  /** The arguments as the help shows them, e.g. `<study> <from> <to>`. */
  readonly usage: string;
  /** Longer help: what it prints and an example. */
  readonly help: string;
  /** Flags without a value. */
  readonly switches: readonly string[];
  /** Flags that take a value (`--out <dir>`). */
  readonly options: readonly string[];
  /**
   * Flags that take a value and may be given again, each value kept in order (`-c key=value`).
   * @default - none
   */
  readonly repeatable?: readonly string[];
  /** Most positional arguments. */
  readonly maxPositionals: number;
}

/** A command line, parsed against a command's spec. */
export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly switches: ReadonlySet<string>;
  readonly options: ReadonlyMap<string, string>;
  /** Values of the repeatable flags, in the order given (an absent flag has no entry). */
  readonly lists: ReadonlyMap<string, readonly string[]>;
}

/** How a command's flags read in its help and its errors: `--json, --out <value>, -c <key=value>, --help`. */
export function flagList(spec: CommandSpec): string {
  return [...spec.switches, ...spec.options.map((o) => `${o} <value>`), ...(spec.repeatable ?? []).map((o) => `${o} <key=value>`), '--help'].join(', ');
}

/**
 * Parses the arguments after the command name. Anything the command does not accept is a usage
 * error whose one line names what it does accept.
 */
export function parseArgs(spec: CommandSpec, argv: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const switches = new Set<string>();
  const options = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const valid = flagList(spec);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      switches.add('--help');
    } else if (arg.startsWith('-')) {
      const [name, inline] = arg.split(/=(.*)/s, 2);
      if (spec.switches.includes(name) && inline === undefined) {
        switches.add(name);
      } else if (spec.options.includes(name)) {
        const value = inline ?? argv[++i];
        if (value === undefined || value === '') throw new UsageError(`Flag ${name} of '${spec.name}' needs a value. Valid flags: ${valid}.`);
        options.set(name, value);
      } else if (spec.repeatable?.includes(name)) {
        const value = inline ?? argv[++i];
        if (value === undefined || value === '') throw new UsageError(`Flag ${name} of '${spec.name}' needs a value. Valid flags: ${valid}.`);
        lists.set(name, [...(lists.get(name) ?? []), value]);
      } else {
        throw new UsageError(`Unknown flag '${arg}' for '${spec.name}'. Valid flags: ${valid}.`);
      }
    } else {
      positionals.push(arg);
    }
  }
  if (!switches.has('--help') && positionals.length > spec.maxPositionals) {
    throw new UsageError(`Too many arguments for '${spec.name}': expected ${spec.usage || 'none'}, got '${positionals.join(' ')}'.`);
  }
  return { positionals, switches, options, lists };
}
