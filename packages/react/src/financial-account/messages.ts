import { defineMessages, type MessageRef } from '../i18n/locale-packs.js';

export interface FinancialAccountCardMessages {
  /** The heading when the host gives no `name` and the account has no nickname. */
  defaultName: string;
  /** The button shown when the host passes `onAddMoney`. */
  addMoney: string;
  balance: string;
  outboundPending: string;
  inboundPending: string;
  accountNumber: string;
  routingNumber: string;
  bank: string;
  endingIn: (last4: string) => string;
  detailsPending: string;
  detailsUnavailable: string;
  closed: string;
  rename: string;
  nicknameLabel: string;
  /** `max` is the longest nickname Stripe accepts (`MAX_NICKNAME_LENGTH`). */
  nicknameHint: (max: number) => string;
  save: string;
  saving: string;
  nicknameEmpty: string;
  nicknameTooLong: (length: number, max: number) => string;
  nicknameRejected: string;
  renamed: (name: string) => string;
  missingTitle: string;
  missingBody: string;
}

const en: FinancialAccountCardMessages = {
  defaultName: 'Wallet',
  addMoney: 'Add money',
  balance: 'Balance',
  outboundPending: 'Outgoing (pending)',
  inboundPending: 'Incoming (pending)',
  accountNumber: 'Account number',
  routingNumber: 'Routing number',
  bank: 'Bank',
  endingIn: (last4) => `ending in ${last4}`,
  detailsPending: 'Account details are being set up. They usually appear within a few minutes.',
  detailsUnavailable: 'Account and routing numbers aren’t available for this account.',
  closed: 'Closed',
  rename: 'Rename',
  nicknameLabel: 'Account nickname',
  nicknameHint: (max) => `Up to ${max} characters.`,
  save: 'Save',
  saving: 'Saving…',
  nicknameEmpty: 'Enter a name for this account.',
  nicknameTooLong: (length, max) => `Use at most ${max} characters (this name has ${length}).`,
  nicknameRejected: 'That name can’t be used. Try a different one.',
  renamed: (name) => `Account renamed to ${name}`,
  missingTitle: 'No account yet',
  missingBody: 'Your account will appear here as soon as it’s opened.',
};

/** German, loaded with `@purse/react/locales/de`. */
export const financialAccountCardMessagesDe: FinancialAccountCardMessages = {
  defaultName: 'Geldbörse',
  addMoney: 'Geld einzahlen',
  balance: 'Kontostand',
  outboundPending: 'Ausgehend (ausstehend)',
  inboundPending: 'Eingehend (ausstehend)',
  accountNumber: 'Kontonummer',
  routingNumber: 'Routing-Nummer',
  bank: 'Bank',
  endingIn: (last4) => `endet auf ${last4}`,
  detailsPending:
    'Die Kontodaten werden eingerichtet. Sie erscheinen meist innerhalb weniger Minuten.',
  detailsUnavailable: 'Für dieses Konto sind keine Konto- und Routing-Nummern verfügbar.',
  closed: 'Geschlossen',
  rename: 'Umbenennen',
  nicknameLabel: 'Kontoname',
  nicknameHint: (max) => `Bis zu ${max} Zeichen.`,
  save: 'Speichern',
  saving: 'Wird gespeichert …',
  nicknameEmpty: 'Geben Sie einen Namen für dieses Konto ein.',
  nicknameTooLong: (length, max) =>
    `Verwenden Sie höchstens ${max} Zeichen (dieser Name hat ${length}).`,
  nicknameRejected: 'Dieser Name kann nicht verwendet werden. Versuchen Sie einen anderen.',
  renamed: (name) => `Konto umbenannt in ${name}`,
  missingTitle: 'Noch kein Konto',
  missingBody: 'Ihr Konto erscheint hier, sobald es eröffnet ist.',
};

/** French, loaded with `@purse/react/locales/fr`. */
export const financialAccountCardMessagesFr: FinancialAccountCardMessages = {
  defaultName: 'Portefeuille',
  addMoney: 'Ajouter de l’argent',
  balance: 'Solde',
  outboundPending: 'Sortant (en attente)',
  inboundPending: 'Entrant (en attente)',
  accountNumber: 'Numéro de compte',
  routingNumber: 'Numéro de routage',
  bank: 'Banque',
  endingIn: (last4) => `se terminant par ${last4}`,
  detailsPending:
    'Les coordonnées du compte sont en cours de configuration. Elles apparaissent généralement en quelques minutes.',
  detailsUnavailable: 'Les numéros de compte et de routage ne sont pas disponibles pour ce compte.',
  closed: 'Clôturé',
  rename: 'Renommer',
  nicknameLabel: 'Nom du compte',
  nicknameHint: (max) => `Jusqu’à ${max} caractères.`,
  save: 'Enregistrer',
  saving: 'Enregistrement…',
  nicknameEmpty: 'Saisissez un nom pour ce compte.',
  nicknameTooLong: (length, max) =>
    `Utilisez au plus ${max} caractères (ce nom en compte ${length}).`,
  nicknameRejected: 'Ce nom ne peut pas être utilisé. Essayez-en un autre.',
  renamed: (name) => `Compte renommé en ${name}`,
  missingTitle: 'Pas encore de compte',
  missingBody: 'Votre compte apparaîtra ici dès son ouverture.',
};

/** What the component reads: English built in, other locales from their packs. */
export const financialAccountCardText: MessageRef<FinancialAccountCardMessages> = defineMessages(
  'financialAccountCard',
  en,
);
