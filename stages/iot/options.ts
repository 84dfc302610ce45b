/** Deployment choices that hold for every stage of the IoT platform. */
export interface IotPlatformOptions {
  /**
   * ACM certificate ARN (stack region) for HTTPS on the ingestion load balancer (stages 1-4).
   * @default - HTTP only
   */
  readonly certificateArn?: string;
  /**
   * Availability Zones for the VPC.
   * @default - two AZs resolved at deploy time
   */
  readonly availabilityZones?: string[];
  /**
   * E-mail address subscribed to the alerts topic.
   * @default - none
   */
  readonly alertEmail?: string;
  /**
   * Storage provisioned for RDS for Oracle in stage 1, in GiB. The talk's forklift used the 64 TiB
   * ceiling (65536); a workshop deploy needs far less.
   * @default ORACLE_WORKSHOP_STORAGE_GIB (100)
   */
  readonly oracleStorageGiB?: number;
  /**
   * Age in days after which the nightly job moves rows from Aurora to the archive (stages 3-4).
   * @default 90
   */
  readonly archiveAfterDays?: number;
}
