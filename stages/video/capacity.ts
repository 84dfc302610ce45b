/** Instance counts of the pools outside live events (live events raise the minimum on a schedule). */
export const VIDEO = { min: 2, max: 12 };
export const CHAT = { min: 2, max: 6 };
