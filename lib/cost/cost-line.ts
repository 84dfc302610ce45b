/** One line of an estimate: what one resource is billed for one thing a month. */
export interface CostLine {
  /** Logical ID of the resource in the template. */
  readonly logicalId: string;
  /** Its construct path, when the caller knows it. */
  readonly path?: string;
  readonly resourceType: string;
  /** The AWS service that bills it (`Amazon RDS`, `AWS Lambda`). */
  readonly service: string;
  /** What is billed (`db.m5.xlarge instance, Multi-AZ`). */
  readonly billed: string;
  readonly quantity: number;
  /** The unit of the quantity, as the price book says it (`instance-hour`, `GB-month`). */
  readonly unit: string;
  /** The price-book key the line is priced with. */
  readonly priceKey: string;
  /** USD per unit (the first tier's, when tiered). */
  readonly unitPrice: number;
  /** USD a month. */
  readonly amount: number;
  /** Where the quantity comes from: the template, or the load profile and its assumption. */
  readonly basis: string;
}

/** A resource that costs nothing by itself, and why. */
export interface FreeResource {
  readonly logicalId: string;
  readonly path?: string;
  readonly resourceType: string;
  readonly reason: string;
}

/** A resource the model cannot price: listed, never counted as free. */
export interface UnpricedResource {
  readonly logicalId: string;
  readonly path?: string;
  readonly resourceType: string;
  readonly reason: string;
}

/** A monthly estimate of one template under one load profile. */
export interface CostEstimate {
  readonly region: string;
  readonly currency: 'USD';
  /** The load profile's name. */
  readonly load: string;
  readonly hoursPerMonth: number;
  /** USD a month: the sum of the lines (unpriced resources are not in it; see `unpriced`). */
  readonly total: number;
  /** Priced lines, largest first. */
  readonly lines: readonly CostLine[];
  readonly free: readonly FreeResource[];
  readonly unpriced: readonly UnpricedResource[];
}
