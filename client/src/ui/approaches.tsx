import type { Approach, MoveKind } from "@parley/shared";

/** Each approach's name, and a letter so the approach never rests on colour alone. */
export const approachInfo: Record<Approach, { title: string; letter: string; blurb: string }> = {
  competitive: { title: "Competitive bargaining", letter: "C", blurb: "Claim value: anchors, threats, measures." },
  mediation: {
    title: "Mediation and arbitration",
    letter: "M",
    blurb: "A third party helps, with everyone's consent.",
  },
  mutualGains: { title: "Mutual gains", letter: "G", blurb: "Create value: share interests, trade across issues." },
  judicial: { title: "Judicial settlement", letter: "J", blurb: "Take a legal issue to a court or tribunal." },
  trackTwo: { title: "Track II", letter: "T", blurb: "Build trust off the record; unlock creative options." },
  universal: { title: "Basic moves", letter: "B", blurb: "Propose, answer, talk, pass or walk away." },
};

export const approachOrder: Approach[] = [
  "universal",
  "competitive",
  "mediation",
  "mutualGains",
  "judicial",
  "trackTwo",
];

export const moveTitles: Record<MoveKind, string> = {
  propose: "Propose a package",
  accept: "Accept a proposal",
  reject: "Reject a proposal",
  withdraw: "Withdraw a proposal",
  chat: "Chat",
  pass: "Pass this round",
  walkAway: "Walk away",
  threaten: "Threaten a measure",
  impose: "Impose or escalate a measure",
  liftMeasure: "Lift a measure",
  concede: "Concede on an issue",
  withhold: "Withhold information",
  inviteMediator: "Invite the mediator",
  acceptMediation: "Accept mediation",
  mediatorProposal: "Mediator's proposal",
  shuttle: "Shuttle message",
  consentArbitration: "Consent to binding arbitration",
  shareInterests: "Share interests",
  proposeCreative: "Propose a creative option",
  jointFactFinding: "Joint fact-finding",
  fileClaim: "File a claim",
  respondToClaim: "Respond to a claim",
  comply: "Comply with a ruling",
  defy: "Defy a ruling",
  confidenceBuilding: "Confidence-building measure",
  workshop: "Workshop",
  backChannel: "Back channel (confidential message)",
};

/** The approach's letter on its colour; `decorative` where its name is already written beside it. */
export function ApproachTag({ approach, decorative = false }: { approach: Approach; decorative?: boolean }) {
  const info = approachInfo[approach];
  return (
    <span className={`approach-tag approach-${approach}`} title={info.title} aria-hidden={decorative || undefined}>
      <span aria-hidden="true">{info.letter}</span>
      {!decorative && <span className="sr-only">{info.title}: </span>}
    </span>
  );
}
