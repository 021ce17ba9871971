import { nameOf } from "../situation.ts";
import { n, type Tactic } from "./context.ts";

/** Ask for a mediator when direct talks stall and trust is low. */
export const seekMediation: Tactic = (context) => {
  const { situation, parameters } = context;
  const { view, me } = situation;
  if (parameters.mediation !== "seek" || situation.mediators.length === 0 || view.mediation.consented.includes(me)) {
    return undefined;
  }
  if ((situation.round < 2 && context.stance.trust >= 35) || situation.round > situation.roundLimit - 2)
    return undefined;
  return {
    move: { kind: "inviteMediator" },
    rationale: `Invited the mediator: trust between the parties (${n(context.stance.trust)}) is low and a neutral broker can carry proposals between them.`,
  };
};

/** With little trust, a bot that seeks mediation asks for it before bargaining further. */
export const seekMediationWhenDistrustful: Tactic = (context) =>
  context.situation.round >= 2 && context.stance.trust < 35 ? seekMediation(context) : undefined;

/** What a mediator does to offer its good offices to a party: talk to it, in the open or in private, or bring it to a workshop. */
const outreachKinds = new Set(["chat", "backChannel", "workshop"]);

/**
 * Take up a mediator's good offices: a bot that accepts mediation (but does not seek it)
 * invites the mediator once the mediator has reached out to it, while there is time left
 * for mediation to work. Without this a mediator's seat was idle against such bots: only a
 * party can invite a mediator, and they waited to be asked.
 */
export const takeUpGoodOffices: Tactic = (context) => {
  const { situation, parameters } = context;
  const { view, me } = situation;
  if (parameters.mediation !== "accept" || situation.mediators.length === 0) return undefined;
  if (view.mediation.consented.includes(me) || situation.round > situation.roundLimit - 2) return undefined;
  const offer = view.log.find((e) => situation.mediators.includes(e.by) && outreachKinds.has(e.kind));
  if (!offer) return undefined;
  return {
    move: { kind: "inviteMediator" },
    rationale: `Invited ${nameOf(view, offer.by)} to mediate: it offered its good offices in round ${offer.round}, and a neutral broker may find a package the parties cannot find alone.`,
  };
};
