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
