import type { ComponentChildren } from "preact";
import { parseMarkdown, type Inline } from "../markdown";

function inlines(nodes: Inline[]): ComponentChildren {
  return nodes.map((node) => {
    if (typeof node === "string") return node;
    if (node.type === "code") return <code>{node.text}</code>;
    if (node.type === "strong") return <strong>{inlines(node.children)}</strong>;
    return (
      <a href={node.href} target="_blank" rel="noopener noreferrer">
        {inlines(node.children)}
      </a>
    );
  });
}

/** A bot answer in the safe Markdown subset, built as vnodes (never innerHTML). */
export function RichText(props: { text: string }) {
  return (
    <>
      {parseMarkdown(props.text).map((block) =>
        block.type === "p" ? (
          <p>{inlines(block.children)}</p>
        ) : block.type === "ul" ? (
          <ul>{block.items.map((item) => <li>{inlines(item)}</li>)}</ul>
        ) : (
          <ol start={block.start}>{block.items.map((item) => <li>{inlines(item)}</li>)}</ol>
        ),
      )}
    </>
  );
}
