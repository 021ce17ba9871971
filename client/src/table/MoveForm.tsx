import { type Move, type MoveKind, type Package, type TableView, textLimits } from "@parley/shared";
import { type ReactNode, useId, useState } from "react";
import { moveTitles } from "../ui/approaches.tsx";
import { CharactersLeft } from "../ui/CharactersLeft.tsx";
import { capitalised, list } from "../ui/names.ts";
import { concessionChoices } from "./concessions.ts";
import { keepingRulings, ruledOptions } from "./rulings.ts";
import { toldPointsFor, toldTotals } from "./toldPoints.ts";

interface FormProps {
  view: TableView;
  kind: MoveKind;
  disabled: boolean;
  describedBy?: string;
  onSend: (move: Move) => void;
}

/** The arguments of one move kind, and its send button. */
export function MoveForm({ view, kind, disabled, describedBy, onSend }: FormProps) {
  const seat = view.me?.seat ?? "";
  const name = (id: string) => view.parties.find((p) => p.id === id)?.name ?? id;
  const others = view.parties.filter((p) => p.id !== seat && !p.walkedAway);
  const states = others.filter((p) => p.kind === "state");
  const myMeasures = view.scenario.measures.filter((m) => m.by === seat);
  const myOpen = view.proposals.filter((p) => p.by === seat && p.status === "open");
  const [target, setTarget] = useState("");
  const [targets, setTargets] = useState<string[]>([]);
  const [measureId, setMeasureId] = useState("");
  const [proposalId, setProposalId] = useState("");
  const [issueId, setIssueId] = useState("");
  const [optionId, setOptionId] = useState("");
  const [issueIds, setIssueIds] = useState<string[]>([]);
  const [text, setText] = useState("");
  const [claimId, setClaimId] = useState("");
  const [creativeId, setCreativeId] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [pkg, setPkg] = useState<Package>(() => ({
    options: Object.fromEntries(view.scenario.issues.map((i) => [i.id, i.statusQuo])),
    creative: [],
  }));

  const first = <T,>(value: string, items: T[], id: (item: T) => string) => value || (items[0] ? id(items[0]) : "");
  const measure = first(measureId, myMeasures, (m) => m.id);
  const proposal = first(proposalId, myOpen, (p) => p.id);
  const issue = first(issueId, view.scenario.issues, (i) => i.id);
  const one = (items: { id: string }[]) => first(target, items, (p) => p.id);

  let fields: ReactNode = null;
  let build: () => Move | null = () => null;
  let label = moveTitles[kind];
  let confirmText: string | undefined;

  const seatSelect = (items: { id: string }[], caption: string) => (
    <Select label={caption} value={one(items)} onChange={setTarget} items={items.map((p) => [p.id, name(p.id)])} />
  );
  const seatChecks = (items: { id: string }[], caption: string) => (
    <Checks label={caption} values={targets} onChange={setTargets} items={items.map((p) => [p.id, name(p.id)])} />
  );
  const measureSelect = (
    <Select
      label="Measure"
      value={measure}
      onChange={setMeasureId}
      items={myMeasures.map((m) => [m.id, `${m.name} (level ${m.level} of ${m.maxLevel})`])}
    />
  );
  const issueSelect = (items = view.scenario.issues) => (
    <Select
      label="Issue"
      value={first(issueId, items, (i) => i.id)}
      onChange={setIssueId}
      items={items.map((i) => [i.id, i.name])}
    />
  );
  const claimSelect = (claims: TableView["claims"]) => (
    <Select
      label="Case"
      value={first(claimId, claims, (c) => c.id)}
      onChange={setClaimId}
      items={claims.map((c) => [
        c.id,
        `${c.id}: ${view.scenario.issues.find((i) => i.id === c.issueId)?.name ?? c.issueId} (${name(c.claimant)})`,
      ])}
    />
  );
  const textField = <TextField label="Message" value={text} onChange={setText} />;

  switch (kind) {
    case "withdraw":
      fields = (
        <Select
          label="Your proposal"
          value={proposal}
          onChange={setProposalId}
          items={myOpen.map((p) => [p.id, p.id])}
        />
      );
      build = () => (proposal ? { kind, proposalId: proposal } : null);
      break;
    case "chat":
      fields = (
        <>
          {textField}
          {seatChecks(others, "Only to (leave empty for everyone)")}
        </>
      );
      build = () => (targets.length > 0 ? { kind, text, to: targets } : { kind, text });
      label = "Send";
      break;
    case "pass":
    case "inviteMediator":
    case "acceptMediation":
    case "consentArbitration":
      build = () => ({ kind });
      break;
    case "walkAway":
      build = () => ({ kind });
      // A third party has no BATNA to take: it leaves, and still scores by its aims.
      confirmText = view.me?.aims
        ? "Walk away for good? You leave the table and still score by your aims."
        : "Walk away for good and take your BATNA?";
      break;
    case "threaten": {
      const m = myMeasures.find((x) => x.id === measure);
      fields = measureSelect;
      build = () => (m ? { kind, measureId: m.id, target: m.against } : null);
      break;
    }
    case "impose":
    case "liftMeasure":
      fields = measureSelect;
      build = () => (measure ? { kind, measureId: measure } : null);
      break;
    case "concede": {
      const open = myOpen.find((p) => p.id === proposal);
      const choices = open ? concessionChoices(view, open) : [];
      const onIssue = choices.find((c) => c.issueId === issueId) ?? choices[0];
      const to = onIssue?.options.find((o) => o.id === optionId) ?? onIssue?.options[0];
      fields = (
        <>
          <Select
            label="Your proposal"
            value={proposal}
            onChange={(value) => {
              setProposalId(value);
              setIssueId("");
              setOptionId("");
            }}
            items={myOpen.map((p) => [p.id, `${p.id}, version ${p.version}, to ${list(p.to.map(name))}`])}
          />
          <Select
            label="Issue"
            value={onIssue?.issueId ?? ""}
            onChange={(value) => {
              setIssueId(value);
              setOptionId("");
            }}
            items={choices.map((c) => [c.issueId, c.name])}
          />
          {onIssue && (
            <p className="small muted" data-testid="concede-now">
              Your proposal offers “{onIssue.current.label}”: {onIssue.current.points} points for you.
            </p>
          )}
          <Select
            label="Concede to"
            value={to?.id ?? ""}
            onChange={setOptionId}
            items={(onIssue?.options ?? []).map((o) => [o.id, `${o.label} (${o.points} points for you)`])}
          />
        </>
      );
      build = () =>
        open && onIssue && to ? { kind, proposalId: open.id, issueId: onIssue.issueId, optionId: to.id } : null;
      break;
    }
    case "withhold":
      fields = seatSelect(others, "From");
      build = () => ({ kind, from: one(others) });
      break;
    case "mediatorProposal":
      fields = (
        <>
          {seatChecks(states, "Address it to")}
          <PackageFields view={view} pkg={pkg} onChange={setPkg} />
        </>
      );
      build = () => ({ kind, to: targets, package: { ...pkg, options: keepingRulings(view, pkg.options) } });
      break;
    case "shuttle":
      fields = (
        <>
          {seatSelect(states, "To")}
          {textField}
        </>
      );
      build = () => ({ kind, to: one(states), text });
      break;
    case "shareInterests":
      fields = (
        <>
          {seatChecks(others, "Share with")}
          <Checks
            label="Issues"
            values={issueIds}
            onChange={setIssueIds}
            items={view.scenario.issues.map((i) => [i.id, i.name])}
          />
        </>
      );
      build = () => ({ kind, to: targets, issueIds });
      break;
    case "proposeCreative": {
      const locked = view.scenario.creativeOptions.filter((c) => !c.unlocked);
      fields = (
        <Select
          label="Creative option"
          value={first(creativeId, locked, (c) => c.id)}
          onChange={setCreativeId}
          items={locked.map((c) => [c.id, `${c.name} (needs trust ${c.unlock.trust})`])}
        />
      );
      build = () => {
        const id = first(creativeId, locked, (c) => c.id);
        return id ? { kind, creativeId: id } : null;
      };
      break;
    }
    case "jointFactFinding":
      fields = (
        <>
          {seatSelect(states, "With")}
          {issueSelect()}
        </>
      );
      build = () => ({ kind, with: one(states), issueId: issue });
      break;
    case "fileClaim": {
      const legal = view.scenario.issues.filter((i) => i.legal);
      fields = issueSelect(legal);
      build = () => {
        const id = first(issueId, legal, (i) => i.id);
        return id ? { kind, issueId: id } : null;
      };
      break;
    }
    case "respondToClaim": {
      const waiting = view.claims.filter(
        (c) => c.status === "awaitingConsent" && c.respondents.includes(seat) && c.responses[seat] === undefined,
      );
      const id = first(claimId, waiting, (c) => c.id);
      fields = (
        <>
          {claimSelect(waiting)}
          <div className="row">
            <button
              type="button"
              disabled={disabled || !id}
              onClick={() => onSend({ kind, claimId: id, consent: true })}
            >
              Accept jurisdiction
            </button>
            <button
              type="button"
              disabled={disabled || !id}
              onClick={() => onSend({ kind, claimId: id, consent: false })}
            >
              Refuse jurisdiction
            </button>
          </div>
        </>
      );
      return (
        <fieldset disabled={disabled} aria-describedby={describedBy}>
          {fields}
        </fieldset>
      );
    }
    case "comply":
    case "defy": {
      const against = view.claims.filter((c) => {
        const ruling = c.ruling;
        if (c.status !== "ruled" || !ruling || c.compliance[seat] !== undefined) return false;
        return ruling.favours === c.claimant ? c.respondents.includes(seat) : c.claimant === seat;
      });
      fields = claimSelect(against);
      build = () => {
        const id = first(claimId, against, (c) => c.id);
        return id ? { kind, claimId: id } : null;
      };
      break;
    }
    case "confidenceBuilding":
      fields = seatSelect(states, "Towards");
      build = () => ({ kind, with: one(states) });
      break;
    case "workshop":
      fields = seatChecks(others, "Invite");
      build = () => ({ kind, with: targets });
      break;
    case "backChannel":
      fields = (
        <>
          {seatSelect(others, "To")}
          {textField}
        </>
      );
      build = () => ({ kind, to: one(others), text });
      break;
    default:
      return null;
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const move = build();
        if (!move) return;
        // A move that cannot be undone asks once more, in the page (no browser dialog).
        if (confirmText && !confirming) {
          setConfirming(true);
          return;
        }
        setConfirming(false);
        onSend(move);
      }}
    >
      <fieldset disabled={disabled} aria-describedby={describedBy}>
        {fields}
        {confirming && confirmText && (
          <p role="alert" className="warn">
            {confirmText} Press the button again to confirm.{" "}
            <button type="button" className="link" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </p>
        )}
        <button type="submit" className={kind === "walkAway" ? "danger" : "primary"}>
          {confirming ? `Yes: ${label.toLowerCase()}` : label}
        </button>
      </fieldset>
    </form>
  );
}

function Select({
  label,
  value,
  onChange,
  items,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  items: [string, string][];
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {items.length === 0 && <option value="">(none)</option>}
        {items.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

function Checks({
  label,
  values,
  onChange,
  items,
}: {
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
  items: [string, string][];
}) {
  return (
    <fieldset className="field">
      <legend>{label}</legend>
      {items.map(([v, text]) => (
        <label key={v} className="choice">
          <input
            type="checkbox"
            checked={values.includes(v)}
            onChange={(e) => onChange(e.target.checked ? [...values, v] : values.filter((x) => x !== v))}
          />
          {text}
        </label>
      ))}
    </fieldset>
  );
}

function TextField({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  const id = useId();
  const left = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        value={value}
        maxLength={textLimits.message}
        rows={2}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={left}
      />
      <CharactersLeft id={left} length={value.length} max={textLimits.message} />
    </div>
  );
}

/**
 * One option per issue, and any unlocked creative options: for a mediator's proposal. Each
 * option shows what the parties have told the mediator it is worth to them (their shared
 * interests, the only points a mediator may see), and the package's totals below, so that a
 * mediator builds it with what it learned beside the choices. Each issue is a group of radio
 * buttons, as in the parties' package builder: closed choice boxes had cut the options' text
 * (and the points told beside it) in the palette's narrow column.
 */
function PackageFields({ view, pkg, onChange }: { view: TableView; pkg: Package; onChange: (pkg: Package) => void }) {
  const unlocked = view.scenario.creativeOptions.filter((c) => c.unlocked);
  const ruled = ruledOptions(view);
  const chosen: Package = {
    ...pkg,
    options: keepingRulings(
      view,
      Object.fromEntries(view.scenario.issues.map((i) => [i.id, pkg.options[i.id] ?? i.statusQuo])),
    ),
  };
  const totals = toldTotals(view, chosen);
  return (
    <>
      <div className="issues">
        {view.scenario.issues.map((issue) => (
          <fieldset key={issue.id} className="field issue">
            <legend>{issue.name}</legend>
            {ruled[issue.id] && (
              <p className="small">
                {capitalised(ruled[issue.id]?.forum ?? "")} has ruled: any package must keep “
                {issue.options.find((o) => o.id === ruled[issue.id]?.optionId)?.label}”.
              </p>
            )}
            {issue.options.map((o) => {
              const told = toldPointsFor(view, issue.id, o.id);
              const isChosen = chosen.options[issue.id] === o.id;
              return (
                <label key={o.id} className={`option ${isChosen ? "chosen" : ""}`}>
                  <input
                    type="radio"
                    name={`mediator-${issue.id}`}
                    value={o.id}
                    checked={isChosen}
                    // A binding ruling leaves one option: the one its forum chose.
                    disabled={ruled[issue.id] !== undefined && ruled[issue.id]?.optionId !== o.id}
                    onChange={() => onChange({ ...pkg, options: { ...pkg.options, [issue.id]: o.id } })}
                  />
                  <span className="option-label">
                    {o.label}
                    {issue.statusQuo === o.id && <span className="muted small"> (status quo)</span>}
                    {told.length > 0 && (
                      <span className="revealed small told">
                        {" "}
                        · told you: {told.map((t) => `${t.name} ${t.points}`).join(", ")}
                      </span>
                    )}
                  </span>
                </label>
              );
            })}
          </fieldset>
        ))}
      </div>
      {unlocked.length > 0 && (
        <Checks
          label="Creative options"
          values={pkg.creative ?? []}
          onChange={(creative) => onChange({ ...pkg, creative })}
          items={unlocked.map((c) => [c.id, c.name])}
        />
      )}
      <div className="small told-totals" data-testid="told-totals" aria-live="polite">
        {totals.length === 0 ? (
          <p className="muted">
            No party has shared its interests with you yet: once one does, its points appear beside each option.
          </p>
        ) : (
          <>
            <p>What this package gives each party, by the points it shared with you:</p>
            <ul>
              {totals.map((t) => (
                // A change reads the party's whole line, not its number alone.
                <li key={t.seat} aria-atomic="true">
                  {t.name}: <strong>{t.points}</strong> of the {t.best} it could get on{" "}
                  {t.issues === view.scenario.issues.length
                    ? "these issues"
                    : `the ${t.issues} issue${t.issues === 1 ? "" : "s"} it shared`}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </>
  );
}
