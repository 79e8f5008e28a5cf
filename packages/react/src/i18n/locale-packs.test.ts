import { afterEach, describe, expect, it, vi } from 'vitest';
import { balanceCardText } from '../balance/messages.js';
import { de } from '../locales/de.js';
import { defineMessages, isLocaleLoaded, messagesFor, registerLocalePack } from './locale-packs.js';

afterEach(() => {
  registerLocalePack(de);
});

describe('locale packs', () => {
  it('gives a registered locale’s words, and English for English', () => {
    expect(isLocaleLoaded('de')).toBe(true);
    expect(messagesFor(balanceCardText, 'de').refresh).toBe('Kontostand aktualisieren');
    expect(messagesFor(balanceCardText, 'en').refresh).toBe('Refresh balance');
  });

  it('falls back to English, warning once, when a pack lacks a component’s messages', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    registerLocalePack({ locale: 'de', messages: {} });
    const ref = defineMessages('not-translated', { hello: 'Hello' });
    expect(messagesFor(ref, 'de')).toEqual({ hello: 'Hello' });
    expect(messagesFor(ref, 'de')).toEqual({ hello: 'Hello' });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toContain("import '@purse/react/locales/de'");
  });

  it('has every component’s messages in each pack', async () => {
    const { fr } = await import('../locales/fr.js');
    for (const pack of [de, fr]) {
      expect(Object.keys(pack.messages).sort()).toEqual(
        [
          'accountList',
          'balanceCard',
          'common',
          'failureActions',
          'failures',
          'financialAccountCard',
          'linkBankAccount',
          'spending',
          'topUp',
          'topUpForm',
          'topUpHistory',
          'topUpSteps',
          'transferStatus',
          'walletActivity',
          'transferDetails',
        ].sort(),
      );
    }
  });
});
