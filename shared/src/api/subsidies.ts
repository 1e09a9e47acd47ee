/** Contracts of the subsidies routes (being moved here from functions/src). */
export {};
