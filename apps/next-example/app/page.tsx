import { resolveLocale } from '@purse/core';
import { headers } from 'next/headers';
import { purse } from '../lib/purse';
import { Wallet } from './wallet';

/** The signed-in user's wallet, rendered on the server in their language (?lang= or Accept-Language). */
export default async function Home({ searchParams }: { searchParams: Promise<{ lang?: string }> }) {
  const { lang } = await searchParams;
  const locale = resolveLocale(lang ?? (await headers()).get('accept-language') ?? 'en');
  const { browser } = await purse();
  return (
    <main>
      <h1>Your wallet</h1>
      <Wallet stripe={browser} locale={locale} />
    </main>
  );
}
