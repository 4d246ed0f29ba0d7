/**
 * RFC 4180 CSV (quoted fields, doubled quotes, commas and newlines inside quotes, CRLF or LF) into rows of
 * cells. Enough for FAQ sheets exported from spreadsheets; the API validates every row it is sent.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const source = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && source[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += char;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((cells) => cells.some((value) => value.trim() !== ""));
}

/** Rows with a header naming `question` and `answer` (any case) into objects; the header row is dropped. */
export function faqRowsFromCsv(text: string): { items: { question: string; answer: string; tags?: string[] }[]; error?: string } {
  const [header, ...rows] = parseCsv(text);
  const names = (header ?? []).map((name) => name.trim().toLowerCase());
  const question = names.indexOf("question");
  const answer = names.indexOf("answer");
  const tags = names.indexOf("tags");
  if (question < 0 || answer < 0) return { items: [], error: "The first row must name the columns: question, answer (and optionally tags)." };
  return {
    items: rows.map((cells) => ({
      question: cells[question] ?? "",
      answer: cells[answer] ?? "",
      ...(tags >= 0 && cells[tags]?.trim() ? { tags: cells[tags].split(/[;,|]/).map((tag) => tag.trim()).filter(Boolean) } : {}),
    })),
  };
}
