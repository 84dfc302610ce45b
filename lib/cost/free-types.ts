import data from './free-resource-types.json';

/** Resource types that cost nothing by themselves, with the reason (lib/cost/free-resource-types.json). */
export const FREE_TYPES: ReadonlyMap<string, string> = new Map(data.types.map((t) => [t.type, t.reason]));
