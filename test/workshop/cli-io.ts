import { CommandIo } from '../../lib/workshop/cli/commands';
import { runCli } from '../../lib/workshop/cli/main';
import { StageStore } from '../../lib/workshop/synth/stage-store';

/** What one in-process run of the CLI printed, and its exit code. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The project's stage cache: its keys make it safe to share between test files and runs. */
export const sharedStore = new StageStore();

/** Runs `wa-stages <argv>` in process, capturing its output, at a fixed width and without colour. */
export async function cli(argv: string[], width = 100): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CommandIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    terminal: { width, colour: false },
    store: sharedStore,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}
