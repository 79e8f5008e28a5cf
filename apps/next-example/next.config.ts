import type { NextConfig } from 'next';

const config: NextConfig = {
  // The sandbox and stripe-node run in Node as they are (they open sockets); no need to bundle them.
  serverExternalPackages: ['@purse/sandbox', 'stripe'],
};

export default config;
