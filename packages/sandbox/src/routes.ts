import { RouteTable } from './http/route.js';
import { accountRoutes } from './resources/accounts.js';
import { customerRoutes } from './resources/customers.js';
import { eventRoutes } from './resources/events.js';
import {
  financialConnectionsClientRoutes,
  financialConnectionsRoutes,
} from './resources/financial-connections.js';
import { paymentMethodRoutes } from './resources/payment-methods.js';
import { type ControlHooks, sandboxControlRoutes } from './resources/sandbox-control.js';
import { treasuryRoutes } from './resources/treasury.js';
import { financialAccountRoutes } from './treasury/financial-accounts.js';

/** Every route the sandbox serves: Stripe's API, the browser stand-in's, and `/_sandbox`. */
export function createRouteTable(hooks: ControlHooks): RouteTable {
  const table = new RouteTable();
  table.add(
    ...customerRoutes,
    ...accountRoutes,
    ...financialConnectionsRoutes,
    ...paymentMethodRoutes,
    ...financialAccountRoutes,
    ...treasuryRoutes,
    ...eventRoutes,
    ...financialConnectionsClientRoutes,
    ...sandboxControlRoutes(hooks),
  );
  return table;
}
