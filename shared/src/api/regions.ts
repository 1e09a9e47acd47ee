/** Contracts of the regions routes (being moved here from functions/src). */
export {};
