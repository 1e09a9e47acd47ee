/** Contracts of the users routes (being moved here from functions/src). */
export {};
