import type { RouterOutputs } from "@/lib/trpc";

type ToolStats = RouterOutputs["analytics"]["overview"]["tools"];

/** Each tool's calls in the range: how many, how often they succeeded, and how long they took. */
export function ToolSuccessTable({ tools }: { tools: ToolStats }) {
  return (
    <section className="card" data-testid="tool-success">
      <h2>Tools</h2>
      {tools.length === 0 ? (
        <p className="muted small">No tool calls in this range. Give a bot tools (booking, CRM, custom actions) on its Tools tab.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th>Tool</th>
                <th>Calls</th>
                <th>Success</th>
                <th>p50</th>
                <th>p95</th>
              </tr>
            </thead>
            <tbody>
              {tools.map((tool) => (
                <tr key={tool.name}>
                  <td>
                    <code>{tool.name}</code>
                  </td>
                  <td>{tool.calls}</td>
                  <td>
                    <span className={`badge ${tool.successRate >= 0.9 ? "ok" : tool.successRate >= 0.5 ? "pending" : "fail"}`}>{Math.round(tool.successRate * 100)}%</span>
                  </td>
                  <td>{Math.round(tool.p50Ms)} ms</td>
                  <td>{Math.round(tool.p95Ms)} ms</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
