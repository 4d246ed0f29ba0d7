/** Progress on stderr: rewritten in place on a terminal, a line per quarter otherwise (CI logs stay short). */
export function progress(label: string, total: number): (done: number) => void {
  let lastQuarter = 0;
  return (done) => {
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${label} ${done}/${total}${done >= total ? "\n" : ""}`);
      return;
    }
    const quarter = Math.floor((done / total) * 4);
    if (quarter > lastQuarter) {
      lastQuarter = quarter;
      process.stderr.write(`${label} ${done}/${total}\n`);
    }
  };
}
