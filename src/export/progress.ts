// A progress bar for `samtale pdf` on a terminal; nothing at all when the output is not a TTY (CI, pipes).
import type { ExportProgress } from './index.js';

export interface ProgressReporter {
  update: (event: ExportProgress) => void;
  stop: () => void;
}

/** A cli-progress bar on stderr when it is a terminal; a no-op otherwise. Loaded only when shown. */
export async function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Promise<ProgressReporter> {
  if (!stream.isTTY || process.env['CI']) return { update: () => undefined, stop: () => undefined };
  const { default: progress } = await import('cli-progress');
  const bar = new progress.SingleBar({
    stream,
    format: 'PDF {bar} {value}/{total} {task}',
    barCompleteChar: '█',
    barIncompleteChar: '░',
    hideCursor: true,
    clearOnComplete: true,
    barsize: 24,
  });
  let started = false;
  return {
    update(event) {
      if (!started) {
        bar.start(event.total, event.done, { task: event.task });
        started = true;
      } else {
        bar.setTotal(event.total);
        bar.update(event.done, { task: event.task });
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
