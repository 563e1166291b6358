import cliProgress from 'cli-progress';

export interface Progress {
  update(value: number, total: number, label: string): void;
  stop(): void;
}

/** A progress bar on a terminal (stderr), nothing otherwise: the plain summary is printed by the caller. */
export function progressBar(unit: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: ` {bar} {percentage}% | {label} | ETA {eta_formatted}`,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(value, total, label) {
      if (!started) {
        bar.start(total, 0, { label: `${label} ${unit}` });
        started = true;
      }
      bar.setTotal(total);
      bar.update(value, { label });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
