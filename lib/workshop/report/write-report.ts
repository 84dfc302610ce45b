import { StageStore } from '../synth/stage-store';

/** Placeholder until the report lands: writes nothing. */
export async function writeReport(_out: string, _store: StageStore, _progress: (message: string) => void): Promise<number> {
  throw new Error('report: not implemented yet');
}
