/** The source numbers an answer cites with [n], [n, m] or [n][m] markers, in order of first mention. */
export function citedSourceNumbers(answer: string, sourceCount: number): number[] {
  const numbers: number[] = [];
  for (const match of answer.matchAll(/\[(\d+(?:\s*[,;]\s*\d+)*)\]/g)) {
    for (const part of match[1]!.split(/[,;]/)) {
      const number = Number(part.trim());
      if (number >= 1 && number <= sourceCount && !numbers.includes(number)) numbers.push(number);
    }
  }
  return numbers;
}
