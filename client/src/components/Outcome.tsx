import { describePackage, type TableView } from "@parley/shared";

export function Outcome({ view }: { view: TableView }) {
  const name = (id: string) => view.parties.find((p) => p.id === id)?.name ?? id;
  const outcome = view.outcome;
  return (
    <section className="panel outcome" aria-labelledby="outcome-title">
      <h2 id="outcome-title">{outcome?.kind === "agreement" ? "Agreement reached" : "No agreement"}</h2>
      {outcome?.kind === "agreement" && <p>{describePackage(view.scenario, outcome.package)}</p>}
      <table>
        <caption>Scores</caption>
        <thead>
          <tr>
            <th scope="col">Party</th>
            <th scope="col">Points</th>
            <th scope="col">Score (0–100)</th>
            <th scope="col">Above BATNA</th>
          </tr>
        </thead>
        <tbody>
          {view.scores?.map((s) => (
            <tr key={s.seat} data-testid={`score-${s.seat}`}>
              <th scope="row">{name(s.seat)}</th>
              <td className="num">{s.points}</td>
              <td className="num">{s.normalised.defined ? Math.round(s.normalised.value) : "n/a"}</td>
              <td className="num">{s.surplus}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <a href="/">Play again</a>
    </section>
  );
}
