import type { Catalog } from '../i18n/catalog.js';
import type { MessageRef } from '../i18n/locale-packs.js';

/*
 * The form's words (fields, hints, field errors), apart from the card's own (`messages.ts`) so
 * that they load with the form, not with the first view of <TopUp>.
 */

export interface TopUpFormMessages {
  sourceLegend: string;
  accountTypes: { checking: string; savings: string };
  sourceAvailable: (amount: string) => string;
  sourceBalance: (amount: string) => string;
  sourceBalanceUnknown: string;
  amountLabel: string;
  /** Read after the label by screen readers: the currency the amount is in. */
  amountCurrency: (currency: string) => string;
  amountHint: (min: string, max: string) => string;
  quickAmountsLabel: string;
  fieldErrors: {
    source_required: string;
    amount_required: string;
    amount_not_a_number: (example: string) => string;
    amount_too_many_decimals: (digits: number) => string;
    amount_negative: string;
    amount_too_small: (min: string) => string;
    amount_too_large: (max: string) => string;
    amount_over_balance: (available: string) => string;
    description_too_long: (max: number) => string;
    acknowledgement_required: string;
  };
  balanceWarningTitle: string;
  balanceWarningBody: (available: string, source: string) => string;
  acknowledgeLabel: string;
  descriptionLabel: string;
  optional: string;
  descriptionCount: (used: number, max: number) => string;
  sameDayLabel: string;
  sameDayHint: string;
  continue: string;
}

const en: TopUpFormMessages = {
  sourceLegend: 'From',
  accountTypes: { checking: 'Checking', savings: 'Savings' },
  sourceAvailable: (amount) => `Available ${amount}`,
  sourceBalance: (amount) => `Balance ${amount}`,
  sourceBalanceUnknown: 'Balance unknown',
  amountLabel: 'Amount',
  amountCurrency: (currency) => `(${currency})`,
  amountHint: (min, max) => `Between ${min} and ${max}`,
  quickAmountsLabel: 'Quick amounts',
  fieldErrors: {
    source_required: 'Choose the bank account to take the money from.',
    amount_required: 'Enter an amount.',
    amount_not_a_number: (example) => `Enter an amount like ${example}.`,
    amount_too_many_decimals: (digits) => `Use at most ${String(digits)} decimal places.`,
    amount_negative: 'Enter an amount above zero.',
    amount_too_small: (min) => `The smallest top-up is ${min}.`,
    amount_too_large: (max) => `The largest top-up is ${max}.`,
    amount_over_balance: (available) =>
      `This is more than the ${available} available in this account. Enter a smaller amount.`,
    description_too_long: (max) => `Use ${String(max)} characters or fewer.`,
    acknowledgement_required: 'Confirm that you understand, or enter a smaller amount.',
  },
  balanceWarningTitle: 'This is more than your bank shows as available',
  balanceWarningBody: (available, source) =>
    `${source} shows ${available} available. If the money isn’t there when the transfer runs, the top-up will fail.`,
  acknowledgeLabel: 'I understand this may fail and my bank may charge a fee',
  descriptionLabel: 'Description',
  optional: '(optional)',
  descriptionCount: (used, max) => `${String(used)}/${String(max)} characters`,
  sameDayLabel: 'Same-day transfer',
  sameDayHint: 'Arrives the same business day when sent before the bank’s cutoff.',
  continue: 'Continue',
};

/** German, loaded with `@purse/react/locales/de`. */
export const topUpFormMessagesDe: TopUpFormMessages = {
  sourceLegend: 'Von',
  accountTypes: { checking: 'Girokonto', savings: 'Sparkonto' },
  sourceAvailable: (amount) => `Verfügbar ${amount}`,
  sourceBalance: (amount) => `Saldo ${amount}`,
  sourceBalanceUnknown: 'Saldo unbekannt',
  amountLabel: 'Betrag',
  amountCurrency: (currency) => `(${currency})`,
  amountHint: (min, max) => `Zwischen ${min} und ${max}`,
  quickAmountsLabel: 'Schnellbeträge',
  fieldErrors: {
    source_required: 'Wählen Sie das Bankkonto, von dem das Geld kommen soll.',
    amount_required: 'Geben Sie einen Betrag ein.',
    amount_not_a_number: (example) => `Geben Sie einen Betrag wie ${example} ein.`,
    amount_too_many_decimals: (digits) =>
      `Verwenden Sie höchstens ${String(digits)} Nachkommastellen.`,
    amount_negative: 'Geben Sie einen Betrag über null ein.',
    amount_too_small: (min) => `Die kleinste Einzahlung beträgt ${min}.`,
    amount_too_large: (max) => `Die größte Einzahlung beträgt ${max}.`,
    amount_over_balance: (available) =>
      `Das ist mehr als die ${available}, die auf diesem Konto verfügbar sind. Geben Sie einen kleineren Betrag ein.`,
    description_too_long: (max) => `Verwenden Sie höchstens ${String(max)} Zeichen.`,
    acknowledgement_required:
      'Bestätigen Sie, dass Sie den Hinweis verstanden haben, oder geben Sie einen kleineren Betrag ein.',
  },
  balanceWarningTitle: 'Das ist mehr, als Ihre Bank als verfügbar anzeigt',
  balanceWarningBody: (available, source) =>
    `Bei ${source} sind ${available} verfügbar. Ist das Geld bei der Ausführung nicht da, schlägt die Einzahlung fehl.`,
  acknowledgeLabel:
    'Ich verstehe, dass dies fehlschlagen kann und meine Bank eine Gebühr berechnen kann',
  descriptionLabel: 'Beschreibung',
  optional: '(optional)',
  descriptionCount: (used, max) => `${String(used)}/${String(max)} Zeichen`,
  sameDayLabel: 'Taggleiche Überweisung',
  sameDayHint: 'Kommt am selben Werktag an, wenn sie vor dem Annahmeschluss der Bank erfolgt.',
  continue: 'Weiter',
};

/** French, loaded with `@purse/react/locales/fr`. */
export const topUpFormMessagesFr: TopUpFormMessages = {
  sourceLegend: 'Depuis',
  accountTypes: { checking: 'Compte courant', savings: 'Compte épargne' },
  sourceAvailable: (amount) => `Disponible : ${amount}`,
  sourceBalance: (amount) => `Solde : ${amount}`,
  sourceBalanceUnknown: 'Solde inconnu',
  amountLabel: 'Montant',
  amountCurrency: (currency) => `(${currency})`,
  amountHint: (min, max) => `Entre ${min} et ${max}`,
  quickAmountsLabel: 'Montants rapides',
  fieldErrors: {
    source_required: 'Choisissez le compte bancaire d’où viendra l’argent.',
    amount_required: 'Saisissez un montant.',
    amount_not_a_number: (example) => `Saisissez un montant comme ${example}.`,
    amount_too_many_decimals: (digits) => `Utilisez au plus ${String(digits)} décimales.`,
    amount_negative: 'Saisissez un montant supérieur à zéro.',
    amount_too_small: (min) => `Le plus petit rechargement est de ${min}.`,
    amount_too_large: (max) => `Le plus grand rechargement est de ${max}.`,
    amount_over_balance: (available) =>
      `C’est plus que les ${available} disponibles sur ce compte. Saisissez un montant plus petit.`,
    description_too_long: (max) => `Utilisez ${String(max)} caractères au maximum.`,
    acknowledgement_required:
      'Confirmez que vous avez compris, ou saisissez un montant plus petit.',
  },
  balanceWarningTitle: 'C’est plus que le disponible indiqué par votre banque',
  balanceWarningBody: (available, source) =>
    `${source} indique ${available} disponibles. Si l’argent n’y est pas au moment du virement, le rechargement échouera.`,
  acknowledgeLabel: 'Je comprends que cela peut échouer et que ma banque peut facturer des frais',
  descriptionLabel: 'Description',
  optional: '(facultatif)',
  descriptionCount: (used, max) => `${String(used)}/${String(max)} caractères`,
  sameDayLabel: 'Virement le jour même',
  sameDayHint: 'Arrive le jour ouvré même s’il est envoyé avant l’heure limite de la banque.',
  continue: 'Continuer',
};

/** All three, for tests and translators (the form reads `topUpFormText`). */
export const topUpFormMessages: Catalog<TopUpFormMessages> = {
  en,
  de: topUpFormMessagesDe,
  fr: topUpFormMessagesFr,
};

// A literal, not `defineMessages`: this module is loaded lazily and must not import the
// locale-pack registry (the first load has it).
export const topUpFormText: MessageRef<TopUpFormMessages> = { key: 'topUpForm', en };
