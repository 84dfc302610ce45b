/** Something a stage offers its users: an HTTP route, a WebSocket action, an ingest path, a query. */
export interface Capability {
  /**
   * What is offered, spelled the same whatever offers it, e.g. `HTTP GET /video/catalog/{}`,
   * `WebSocket sendmessage`, `MQTT publish telemetry/+/data`: the key compared between stages and
   * named in a stage's `retiresCapabilities`.
   */
  readonly id: string;
  /** Which resource offers it in this template. */
  readonly via: string;
}
