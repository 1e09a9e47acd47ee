/** Contracts of the auth routes (being moved here from functions/src). */
export {};
