/** Contracts of the positions routes (being moved here from functions/src). */
export {};
