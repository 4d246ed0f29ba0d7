interface CitationLike {
  index: number;
  title: string;
  snippet: string;
}

export function CitationList({ citations }: { citations: CitationLike[] }) {
  return (
    <ol className="citations" data-testid="citations">
      {citations.map((citation) => (
        <li key={citation.index} value={citation.index}>
          <strong>{citation.title}</strong>
          <div className="muted">{citation.snippet}</div>
        </li>
      ))}
    </ol>
  );
}
