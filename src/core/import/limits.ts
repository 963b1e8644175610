/**
 * Bounds on the work recognition may do on one document, so that a hostile or huge input ends in
 * bounded time with an honest message instead of running away.
 */

/**
 * Steps (search nodes) that splitting run-together figures may take for a whole document: the
 * enumeration of each row's splits and the joint search over the tables' identities together. A
 * real report needs a few hundred to two thousand; past the budget the rows still open stay blank, and say so.
 */
export const SPLIT_STEP_BUDGET = 100_000

/** Of the budget, at most this share goes to any one row's enumeration. */
export const SPLIT_ROW_SHARE = 0.1
