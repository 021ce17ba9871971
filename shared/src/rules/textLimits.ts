/**
 * How long a student's or instructor's text may be: the rules refuse a longer message, the
 * server a longer name or title, and the client's fields stop there and say so.
 */
export const textLimits = {
  /** A participant's name (a student, a solo player, a class-list line). */
  name: 60,
  /** A session's title. */
  title: 120,
  /** A chat line, a move's note, an instructor's broadcast. */
  message: 500,
} as const;
