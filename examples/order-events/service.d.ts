/** Types of service.js (the example's shop: HTTP API + embedded MQTT broker), for the tests. */

/** A broker login. */
export interface BrokerLogin {
  readonly username: string;
  readonly password: string;
}

/** One order as the shop keeps it. */
export interface Order {
  readonly orderId: string;
  readonly item: string;
  readonly quantity: number;
  state: string;
  readonly correlationId: string;
  shipping?: { orderId: string; correlationId: string; address?: string };
}

/** The running shop. */
export interface OrderService {
  readonly httpUrl: string;
  readonly mqttUrl: string;
  readonly login: BrokerLogin;
  readonly orders: Map<string, Order>;
  /** MQTT clients connected now. */
  connectedClients(): number;
  close(): Promise<void>;
}

/** The login run.js passes with --auth. */
export declare const BROKER_LOGIN: BrokerLogin;

/** Starts the shop; ports 0 (default) pick free ones. */
export declare function startOrderService(options?: {
  readonly httpPort?: number;
  readonly mqttPort?: number;
  readonly login?: BrokerLogin;
}): Promise<OrderService>;
