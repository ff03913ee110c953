import cliProgress from 'cli-progress';

const LABELS = { extract: 'files read', index: 'documents indexed' } as const;

/**
 * Progress for long work: bars on a terminal, a line every 10% otherwise (CI logs stay short).
 */
export function progressPrinter(stream: NodeJS.WriteStream = process.stderr) {
  const bars = new Map<string, cliProgress.SingleBar>();
  const lastTenth = new Map<string, number>();
  const multi = stream.isTTY
    ? new cliProgress.MultiBar(
        {
          stream,
          clearOnComplete: false,
          hideCursor: true,
          format: ' {bar} {value}/{total} {label}{articles}',
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  return {
    update(stage: keyof typeof LABELS, done: number, total: number, articles?: number) {
      const extra = articles === undefined ? '' : `, ${articles} articles extracted`;
      if (multi) {
        let bar = bars.get(stage);
        if (!bar) {
          bar = multi.create(total, 0, { label: LABELS[stage], articles: extra });
          bars.set(stage, bar);
        }
        bar.setTotal(total);
        bar.update(done, { articles: extra });
        return;
      }
      const tenth = total ? Math.floor((done / total) * 10) : 10;
      if (tenth !== lastTenth.get(stage) && (tenth === 10 || total > 50)) {
        lastTenth.set(stage, tenth);
        stream.write(`${LABELS[stage]}: ${done}/${total}${extra}\n`);
      }
    },
    stop() {
      multi?.stop();
    },
  };
}
