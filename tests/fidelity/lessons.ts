/** The six lessons, one file each by approach; the checks and their statistics are in checks.ts. */
export { alpha, type Check, lessonTitles, type Measure, type Scope, type Sizes } from "./checks.ts";
export { lessonOne, lessonOneCosts } from "./competitive.ts";
export { lessonThree } from "./integrative.ts";
export { judicialScope, lessonFour, litigant, respondentPersona } from "./judicial.ts";
export { lensWinners, lessonSix } from "./lenses.ts";
export { lessonTwo, mediationPersona, mediationScope } from "./mediation.ts";
export { lessonFive, trackTwoScope } from "./trackTwo.ts";
