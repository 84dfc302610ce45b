import { STUDIES } from '../studies';
import type { StageStore } from '../synth/stage-store';
import { CommandFailure } from '../command-failure';
import { UsageError } from '../usage-error';
import { flagList, parseArgs } from './args';
import { COMMANDS, CommandIo } from './commands';
import { stdoutTerminal } from './terminal';

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => `${c.name} ${c.usage}`.length));
  return [
    'wa-stages: step through the stages of the talk\'s two case studies offline, and see what changed,',
    'why, and what it did to each Well-Architected pillar.',
    '',
    'Usage: wa-stages <command> [arguments] [flags]',
    '',
    ...COMMANDS.map((c) => `  ${`${c.name} ${c.usage}`.padEnd(width)}  ${c.summary}`),
    '',
    `Studies: ${STUDIES.map((s) => `${s.contextKey} (${s.stages.map((st) => st.id).join('-').replace(/-.*-/, '-')})`).join(', ')}.`,
    "Run 'wa-stages <command> --help' for a command's flags and an example.",
  ].join('\n');
}

function commandHelp(name: string): string {
  const c = COMMANDS.find((x) => x.name === name)!;
  return `Usage: wa-stages ${c.name}${c.usage ? ` ${c.usage}` : ''} [flags]\n\n${c.summary}.\n\n${c.help}\n\nFlags: ${flagList(c)}`;
}

/** The default I/O: the process's streams, synth progress on stderr. */
export function processIo(): CommandIo {
  let store: StageStore | undefined;
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    terminal: stdoutTerminal(),
    // Made on first use: it loads aws-cdk-lib, which `--help` and `list` never need.
    get store(): StageStore {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { StageStore: Store } = require('../synth/stage-store') as typeof import('../synth/stage-store');
      store ??= new Store({
        onSynth: (study, stage, variant) => process.stderr.write(`synthesizing ${study.contextKey} stage ${stage} (${variant} deployment)...\n`),
      });
      return store;
    },
  };
}

/**
 * Runs one command line and returns the exit code: 0 done, 1 failed, 2 called wrongly (one line on
 * stderr naming the valid choices, nothing written).
 */
export async function runCli(argv: readonly string[], io: CommandIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${overview()}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  try {
    if (!command) throw new UsageError(`Unknown command '${name}'. Valid commands: ${COMMANDS.map((c) => c.name).join(', ')}.`);
    const args = parseArgs(command, rest);
    if (args.switches.has('--help')) {
      io.stdout(`${commandHelp(command.name)}\n`);
      return 0;
    }
    await command.run(args, io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n`);
      return 2;
    }
    if (error instanceof CommandFailure) {
      io.stderr(`wa-stages ${name}: ${error.message}\n`);
      return 1;
    }
    io.stderr(`wa-stages ${name}: ${(error as Error).stack ?? error}\n`);
    return 1;
  }
}
