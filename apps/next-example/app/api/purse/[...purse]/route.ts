import { purse } from '../../../../lib/purse';

// Every Purse route under /api/purse, for each method the contract uses.
const handle = async (request: Request) => (await purse()).handle(request);
export const dynamic = 'force-dynamic'; // live updates stream: never cache these routes
export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE };
