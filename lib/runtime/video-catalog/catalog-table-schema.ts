/**
 * The video catalog table, shared by the runtime and the CDK construct that creates it. Free of side
 * effects so infrastructure code can import it.
 */

/** Partition key (string): the video's id. */
export const ID_ATTRIBUTE = 'id';

/**
 * Every entry carries the same `listing` value, so one query of the {@link BY_CREATED_AT_INDEX} index
 * lists the catalog oldest first; a catalog is thousands of entries written rarely, far below what one
 * index partition serves.
 */
export const LISTING_ATTRIBUTE = 'listing';
export const LISTING_VALUE = 'videos';
export const CREATED_AT_ATTRIBUTE = 'createdAt';
export const BY_CREATED_AT_INDEX = 'byCreatedAt';
