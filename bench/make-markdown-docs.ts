import { paragraph, pick, seededRandom, TOPICS } from "./synthetic-prose";

/** Markdown help-center articles: a title, then sections of several paragraphs each, some with bullet lists. */
export function makeMarkdownDocs(count: number, sectionsPerDoc: number, seed = 11): Array<{ fileName: string; text: string }> {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, index) => {
    const main = pick(random, TOPICS);
    const sections = Array.from({ length: sectionsPerDoc }, (_, s) => {
      const topic = random() < 0.7 ? main : pick(random, TOPICS);
      const bullets = random() < 0.4 ? `\n\n${Array.from({ length: 4 }, () => `- ${paragraph(random, topic, 1)}`).join("\n")}` : "";
      return `## ${topic.name} ${s + 1}\n\n${paragraph(random, topic, 5)}\n\n${paragraph(random, topic, 4)}${bullets}`;
    });
    return { fileName: `help-${index + 1}-${main.name.replace(/\s+/g, "-")}.md`, text: `# ${main.name} guide ${index + 1}\n\n${sections.join("\n\n")}\n` };
  });
}
