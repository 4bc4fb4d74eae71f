/**
 * Progress of a run on stderr: a bar redrawn in place on a terminal (done/total, docs/s, ETA),
 * plain lines every few seconds otherwise (logs, CI), nothing with --quiet.
 */
export class Progress {
  private last = 0;
  private readonly start = performance.now();

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly quiet: boolean,
    private readonly color = !process.env.NO_COLOR,
  ) {}

  update(done: number, total: number): void {
    if (this.quiet || total === 0) return;
    const now = performance.now();
    const tty = Boolean(this.stream.isTTY);
    if (done < total && now - this.last < (tty ? 100 : 5000)) return;
    this.last = now;
    const secs = (now - this.start) / 1000;
    const rate = secs > 0 ? done / secs : 0;
    const eta = rate > 0 ? (total - done) / rate : 0;
    const stats = `${done}/${total} documents  ${rate.toFixed(0)} docs/s  ETA ${eta.toFixed(0)} s`;
    if (tty) {
      const width = 30;
      const filled = Math.round((done / total) * width);
      const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
      this.stream.write(`\r${this.color ? '\x1b[36m' : ''}${bar}${this.color ? '\x1b[0m' : ''} ${stats}\x1b[K`);
      if (done === total) this.stream.write('\n');
    } else {
      this.stream.write(`extract: ${stats}\n`);
    }
  }
}
