/** The demo shell's own words (the Purse components bring theirs). */
import type { TopUpFailureCode } from '@purse/core';

export type DemoLocale = 'en' | 'de' | 'fr';

/** The personas the demo server seeds, by key (the server's descriptions are English only). */
export type PersonaKey = 'freelancer' | 'short_of_funds' | 'new_user';

interface PersonaWords {
  description: string;
  /** The suggested first thing to try as this persona. */
  tryFirst: string;
}

export interface DemoMessages {
  product: string;
  wallet: string;
  /**
   * The wallet's name as the host gives it: the header's brand, and the name the wallet card
   * shows (FinancialAccountCard's `name`) instead of the account's Stripe nickname.
   */
  walletName: string;
  nav: { overview: string; spending: string; topUp: string };
  navLabel: string;
  sandbox: string;
  testMode: string;
  skipToContent: string;
  darkMode: string;
  language: string;
  settings: string;
  switchUser: string;
  signedInAs: (name: string) => string;
  pickTitle: string;
  pickIntro: string;
  pickHow: string;
  tryFirstLabel: string;
  personas: Record<PersonaKey, PersonaWords>;
  continueAs: (name: string) => string;
  overviewTitle: string;
  overviewIntro: string;
  linkAnother: string;
  walletActivity: string;
  linkedAccounts: string;
  noLinkedAccounts: string;
  linkBank: string;
  spendingTitle: string;
  spendingIntro: string;
  account: string;
  noSpendingAccounts: string;
  topUpTitle: string;
  loading: string;
  simulator: SimulatorMessages;
}

export interface SimulatorMessages {
  open: string;
  title: string;
  hint: string;
  speed: string;
  speeds: { 1: string; 60: string; 3600: string };
  speedSet: (label: string) => string;
  clock: string;
  plusOneHour: string;
  plusOneDay: string;
  plusTwoDays: string;
  clockNow: (time: string) => string;
  latestTopUp: string;
  succeed: string;
  returnIt: string;
  failReason: string;
  failWith: (reason: string) => string;
  failures: Record<TopUpFailureCode, string>;
  banks: string;
  account: string;
  failNextRefresh: string;
  takeDown: (bank: string) => string;
  bringUp: (bank: string) => string;
  demo: string;
  reset: string;
  log: string;
  logEmpty: string;
  failed: (action: string, reason: string) => string;
  close: string;
}

const en: DemoMessages = {
  product: 'Fieldwork',
  wallet: 'Wallet',
  walletName: 'Fieldwork Wallet',
  nav: { overview: 'Overview', spending: 'Spending', topUp: 'Top up' },
  navLabel: 'Wallet pages',
  sandbox: 'Sandbox',
  testMode: 'Test mode',
  skipToContent: 'Skip to content',
  darkMode: 'Dark mode',
  language: 'Language',
  settings: 'Settings',
  switchUser: 'Switch user',
  signedInAs: (name) => `Signed in as ${name}`,
  pickTitle: 'Purse inside Fieldwork',
  pickIntro:
    'Fieldwork is a marketplace for freelancers. Purse gives it a wallet: link a bank, see where money goes, and top up with a live tracker.',
  pickHow: 'No passwords here: pick a person to see the product as they do.',
  tryFirstLabel: 'Try first:',
  personas: {
    freelancer: {
      description: 'Freelance designer with a healthy bank: checking, savings and a credit card.',
      tryFirst: 'Add $25 from checking and watch it arrive.',
    },
    short_of_funds: {
      description: 'Gig worker whose checking account is short of money.',
      tryFirst: 'Try to add $200 and see the warning before it fails.',
    },
    new_user: {
      description: 'New here, with no bank linked yet.',
      tryFirst: 'Link a test bank in three steps.',
    },
  },
  continueAs: (name) => `Continue as ${name}`,
  overviewTitle: 'Your money',
  overviewIntro: 'Your Fieldwork wallet and the bank accounts you have linked.',
  linkAnother: 'Link another account',
  walletActivity: 'Wallet activity',
  linkedAccounts: 'Linked bank accounts',
  noLinkedAccounts: 'No bank accounts linked yet. Link one to see its balance and add money.',
  linkBank: 'Link a bank account',
  spendingTitle: 'Spending',
  spendingIntro: 'Where money goes from your linked accounts.',
  account: 'Account',
  noSpendingAccounts: 'Link a bank account that shares its transactions to see your spending.',
  topUpTitle: 'Top up your wallet',
  loading: 'Loading…',
  simulator: {
    open: 'Presenter tools',
    title: 'Presenter tools',
    hint: 'Sandbox only: steer the test bank and the clock while you show the product.',
    speed: 'Clock speed',
    speeds: { 1: 'Real time', 60: '1 minute each second', 3600: '1 hour each second' },
    speedSet: (label) => `Clock speed: ${label}`,
    clock: 'Jump ahead',
    plusOneHour: '+1 hour',
    plusOneDay: '+1 business day',
    plusTwoDays: '+2 business days',
    clockNow: (time) => `The clock now reads ${time}`,
    latestTopUp: 'Latest top-up',
    succeed: 'Make it arrive',
    returnIt: 'Have the bank return it',
    failReason: 'Reason',
    failWith: (reason) => `Fail with: ${reason}`,
    failures: {
      account_closed: 'account closed',
      account_frozen: 'account frozen',
      bank_account_restricted: 'account restricted',
      bank_ownership_changed: 'account changed owner',
      debit_not_authorized: 'debit not authorised',
      incorrect_account_holder_address: 'wrong holder address',
      incorrect_account_holder_name: 'wrong holder name',
      incorrect_account_holder_tax_id: 'wrong holder tax ID',
      insufficient_funds: 'insufficient funds',
      invalid_account_number: 'invalid account number',
      invalid_currency: 'unsupported currency',
      no_account: 'no such account',
      other: 'another reason',
    },
    banks: 'Banks',
    account: 'Account',
    failNextRefresh: 'Fail its next balance refresh',
    takeDown: (bank) => `Take ${bank} offline`,
    bringUp: (bank) => `Bring ${bank} back online`,
    demo: 'Demo',
    reset: 'Start the demo over',
    log: 'What you did',
    logEmpty: 'Nothing yet.',
    failed: (action, reason) => `${action}: not done. ${reason}`,
    close: 'Close presenter tools',
  },
};

const de: DemoMessages = {
  product: 'Fieldwork',
  wallet: 'Geldbörse',
  walletName: 'Fieldwork-Geldbörse',
  nav: { overview: 'Übersicht', spending: 'Ausgaben', topUp: 'Einzahlen' },
  navLabel: 'Seiten der Geldbörse',
  sandbox: 'Testumgebung',
  testMode: 'Testmodus',
  skipToContent: 'Zum Inhalt springen',
  darkMode: 'Dunkles Design',
  language: 'Sprache',
  settings: 'Einstellungen',
  switchUser: 'Nutzer wechseln',
  signedInAs: (name) => `Angemeldet als ${name}`,
  pickTitle: 'Purse in Fieldwork',
  pickIntro:
    'Fieldwork ist ein Marktplatz für Freiberufler. Purse gibt ihm eine Geldbörse: Bank verknüpfen, Ausgaben sehen und Geld einzahlen, live verfolgt.',
  pickHow:
    'Hier gibt es keine Passwörter: Wählen Sie eine Person und sehen Sie das Produkt mit ihren Augen.',
  tryFirstLabel: 'Zuerst ausprobieren:',
  personas: {
    freelancer: {
      description:
        'Freiberufliche Designerin mit gesunder Bank: Girokonto, Sparkonto und Kreditkarte.',
      tryFirst: '25 $ vom Girokonto einzahlen und die Gutschrift verfolgen.',
    },
    short_of_funds: {
      description: 'Gig-Arbeiter, dessen Girokonto zu wenig Geld hat.',
      tryFirst: '200 $ einzahlen und die Warnung sehen, bevor es fehlschlägt.',
    },
    new_user: {
      description: 'Neu hier, noch ohne verknüpfte Bank.',
      tryFirst: 'In drei Schritten eine Testbank verknüpfen.',
    },
  },
  continueAs: (name) => `Weiter als ${name}`,
  overviewTitle: 'Ihr Geld',
  overviewIntro: 'Ihre Fieldwork-Geldbörse und Ihre verknüpften Bankkonten.',
  linkAnother: 'Weiteres Konto verknüpfen',
  walletActivity: 'Umsätze der Geldbörse',
  linkedAccounts: 'Verknüpfte Bankkonten',
  noLinkedAccounts:
    'Noch keine Bankkonten verknüpft. Verknüpfen Sie eines, um den Kontostand zu sehen und Geld einzuzahlen.',
  linkBank: 'Bankkonto verknüpfen',
  spendingTitle: 'Ausgaben',
  spendingIntro: 'Wohin das Geld von Ihren verknüpften Konten fließt.',
  account: 'Konto',
  noSpendingAccounts:
    'Verknüpfen Sie ein Bankkonto, das seine Umsätze teilt, um Ihre Ausgaben zu sehen.',
  topUpTitle: 'Geld in die Geldbörse einzahlen',
  loading: 'Wird geladen …',
  simulator: {
    open: 'Präsentationswerkzeuge',
    title: 'Präsentationswerkzeuge',
    hint: 'Nur in der Testumgebung: Steuern Sie Testbank und Uhr, während Sie das Produkt zeigen.',
    speed: 'Uhrgeschwindigkeit',
    speeds: { 1: 'Echtzeit', 60: '1 Minute pro Sekunde', 3600: '1 Stunde pro Sekunde' },
    speedSet: (label) => `Uhrgeschwindigkeit: ${label}`,
    clock: 'Vorspulen',
    plusOneHour: '+1 Stunde',
    plusOneDay: '+1 Bankarbeitstag',
    plusTwoDays: '+2 Bankarbeitstage',
    clockNow: (time) => `Die Uhr zeigt jetzt ${time}`,
    latestTopUp: 'Letzte Einzahlung',
    succeed: 'Gutschreiben',
    returnIt: 'Von der Bank zurückbuchen lassen',
    failReason: 'Grund',
    failWith: (reason) => `Fehlschlagen mit: ${reason}`,
    failures: {
      account_closed: 'Konto geschlossen',
      account_frozen: 'Konto eingefroren',
      bank_account_restricted: 'Konto eingeschränkt',
      bank_ownership_changed: 'Kontoinhaber gewechselt',
      debit_not_authorized: 'Lastschrift nicht erlaubt',
      incorrect_account_holder_address: 'falsche Adresse des Inhabers',
      incorrect_account_holder_name: 'falscher Name des Inhabers',
      incorrect_account_holder_tax_id: 'falsche Steuernummer des Inhabers',
      insufficient_funds: 'nicht genug Geld',
      invalid_account_number: 'ungültige Kontonummer',
      invalid_currency: 'Währung nicht unterstützt',
      no_account: 'Konto existiert nicht',
      other: 'anderer Grund',
    },
    banks: 'Banken',
    account: 'Konto',
    failNextRefresh: 'Nächste Saldoaktualisierung fehlschlagen lassen',
    takeDown: (bank) => `${bank} offline nehmen`,
    bringUp: (bank) => `${bank} wieder online bringen`,
    demo: 'Vorführung',
    reset: 'Vorführung neu beginnen',
    log: 'Was Sie getan haben',
    logEmpty: 'Noch nichts.',
    failed: (action, reason) => `${action}: nicht ausgeführt. ${reason}`,
    close: 'Präsentationswerkzeuge schließen',
  },
};

const fr: DemoMessages = {
  product: 'Fieldwork',
  wallet: 'Portefeuille',
  walletName: 'Portefeuille Fieldwork',
  nav: { overview: 'Aperçu', spending: 'Dépenses', topUp: 'Recharger' },
  navLabel: 'Pages du portefeuille',
  sandbox: 'Bac à sable',
  testMode: 'Mode test',
  skipToContent: 'Aller au contenu',
  darkMode: 'Thème sombre',
  language: 'Langue',
  settings: 'Réglages',
  switchUser: 'Changer d’utilisateur',
  signedInAs: (name) => `Connecté en tant que ${name}`,
  pickTitle: 'Purse dans Fieldwork',
  pickIntro:
    'Fieldwork est une place de marché pour indépendants. Purse lui donne un portefeuille : associer une banque, voir ses dépenses et recharger avec un suivi en direct.',
  pickHow: 'Pas de mot de passe ici : choisissez une personne pour voir le produit comme elle.',
  tryFirstLabel: 'À essayer d’abord :',
  personas: {
    freelancer: {
      description:
        'Designer indépendante avec une banque en bonne santé : compte courant, compte épargne et carte de crédit.',
      tryFirst: 'Rechargez 25 $ depuis le compte courant et suivez l’arrivée.',
    },
    short_of_funds: {
      description: 'Travailleur de plateforme dont le compte courant manque d’argent.',
      tryFirst: 'Essayez de recharger 200 $ et voyez l’avertissement avant l’échec.',
    },
    new_user: {
      description: 'Nouveau venu, sans banque associée.',
      tryFirst: 'Associez une banque de test en trois étapes.',
    },
  },
  continueAs: (name) =>
    `Continuer en tant ${/^[aeiouyàâéèêëîïôûùh]/i.test(name) ? 'qu’' : 'que '}${name}`,
  overviewTitle: 'Votre argent',
  overviewIntro: 'Votre portefeuille Fieldwork et les comptes bancaires que vous avez associés.',
  linkAnother: 'Associer un autre compte',
  walletActivity: 'Activité du portefeuille',
  linkedAccounts: 'Comptes bancaires associés',
  noLinkedAccounts:
    'Aucun compte bancaire associé. Associez-en un pour voir son solde et recharger votre portefeuille.',
  linkBank: 'Associer un compte bancaire',
  spendingTitle: 'Dépenses',
  spendingIntro: 'Où va l’argent de vos comptes associés.',
  account: 'Compte',
  noSpendingAccounts:
    'Associez un compte bancaire qui partage ses transactions pour voir vos dépenses.',
  topUpTitle: 'Recharger votre portefeuille',
  loading: 'Chargement…',
  simulator: {
    open: 'Outils de présentation',
    title: 'Outils de présentation',
    hint: 'Bac à sable uniquement : pilotez la banque de test et l’horloge pendant la présentation.',
    speed: 'Vitesse de l’horloge',
    speeds: { 1: 'Temps réel', 60: '1 minute par seconde', 3600: '1 heure par seconde' },
    speedSet: (label) => `Vitesse de l’horloge : ${label}`,
    clock: 'Avancer',
    plusOneHour: '+1 heure',
    plusOneDay: '+1 jour ouvré',
    plusTwoDays: '+2 jours ouvrés',
    clockNow: (time) => `L’horloge indique ${time}`,
    latestTopUp: 'Dernier rechargement',
    succeed: 'Le faire arriver',
    returnIt: 'Le faire retourner par la banque',
    failReason: 'Motif',
    failWith: (reason) => `Échouer pour : ${reason}`,
    failures: {
      account_closed: 'compte clôturé',
      account_frozen: 'compte gelé',
      bank_account_restricted: 'compte restreint',
      bank_ownership_changed: 'titulaire changé',
      debit_not_authorized: 'prélèvement non autorisé',
      incorrect_account_holder_address: 'adresse du titulaire erronée',
      incorrect_account_holder_name: 'nom du titulaire erroné',
      incorrect_account_holder_tax_id: 'numéro fiscal du titulaire erroné',
      insufficient_funds: 'provision insuffisante',
      invalid_account_number: 'numéro de compte invalide',
      invalid_currency: 'devise non prise en charge',
      no_account: 'compte inexistant',
      other: 'autre motif',
    },
    banks: 'Banques',
    account: 'Compte',
    failNextRefresh: 'Faire échouer sa prochaine actualisation du solde',
    takeDown: (bank) => `Mettre ${bank} hors ligne`,
    bringUp: (bank) => `Remettre ${bank} en ligne`,
    demo: 'Démo',
    reset: 'Recommencer la démo',
    log: 'Ce que vous avez fait',
    logEmpty: 'Rien pour l’instant.',
    failed: (action, reason) => `${action} : non effectué. ${reason}`,
    close: 'Fermer les outils de présentation',
  },
};

export const demoMessages: Record<DemoLocale, DemoMessages> = { en, de, fr };

export function isPersonaKey(key: string): key is PersonaKey {
  return key === 'freelancer' || key === 'short_of_funds' || key === 'new_user';
}
