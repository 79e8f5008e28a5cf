import { purse } from '../../../../lib/purse';

// Stripe's (or the sandbox's) signed events: the handler reads the raw body itself.
export const POST = async (request: Request) => (await purse()).handleWebhook(request);
