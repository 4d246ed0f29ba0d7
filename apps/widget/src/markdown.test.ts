import { describe, expect, it } from "vitest";
import { parseInline, parseMarkdown, safeHref } from "./markdown";

describe("safeHref", () => {
  it("allows absolute http, https and mailto URLs only", () => {
    expect(safeHref("https://acme.example/hours")).toBe("https://acme.example/hours");
    expect(safeHref("mailto:desk@acme.example")).toBe("mailto:desk@acme.example");
    for (const bad of ["javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)", "data:text/html,x", "/relative", "vbscript:x", "//evil.example"]) {
      expect(safeHref(bad), bad).toBeNull();
    }
  });
});

describe("parseInline", () => {
  it("parses code, bold, links and bare URLs, leaving trailing punctuation outside", () => {
    expect(parseInline("Call **now** or see [the `FAQ`](https://a.example/faq) and https://b.example/x.")).toEqual([
      "Call ",
      { type: "strong", children: ["now"] },
      " or see ",
      { type: "link", href: "https://a.example/faq", children: ["the ", { type: "code", text: "FAQ" }] },
      " and ",
      { type: "link", href: "https://b.example/x", children: ["https://b.example/x"] },
      ".",
    ]);
  });

  it("keeps refused links, HTML and entities as literal text", () => {
    const hostile = '[click](javascript:alert(1)) <img src=x onerror="x()"> &lt;b&gt; [rel](/x)';
    expect(parseInline(hostile)).toEqual([hostile]);
    expect(parseInline("`<script>`")).toEqual([{ type: "code", text: "<script>" }]);
    expect(parseInline("a ** b ** c")).toEqual(["a ** b ** c"]);
  });
});

describe("parseMarkdown", () => {
  it("splits paragraphs on blank lines and groups bullet and numbered lists", () => {
    const text = "Hours:\nweekdays\n\n- Mon\n* Tue\n\n3. first\n4) second\nafter";
    expect(parseMarkdown(text)).toEqual([
      { type: "p", children: ["Hours:\nweekdays"] },
      { type: "ul", items: [["Mon"], ["Tue"]] },
      { type: "ol", start: 3, items: [["first"], ["second"]] },
      { type: "p", children: ["after"] },
    ]);
  });
});
