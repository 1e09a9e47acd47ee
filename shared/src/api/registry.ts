/** Contracts of the registry routes (being moved here from functions/src). */
export {};
