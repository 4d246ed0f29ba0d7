import type { Strings } from "../i18n";
import type { Citation } from "../types";

/** Numbered sources under an answer; the snippet stays folded until asked for. */
export function CitationList(props: { citations: Citation[]; t: Strings }) {
  if (props.citations.length === 0) return null;
  return (
    <ol class="fd-citations" data-testid="citations" aria-label={props.t.sources}>
      {props.citations.map((c) => (
        <li key={c.index} data-testid="citation">
          <details>
            <summary>
              <span class="fd-cite-n">{c.index}</span> {c.title || props.t.untitled}
            </summary>
            <p class="fd-snippet">{c.snippet}</p>
          </details>
        </li>
      ))}
    </ol>
  );
}
