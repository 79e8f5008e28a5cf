import { defineMessages, type MessageRef } from './locale-packs.js';
/**
 * Messages. Each component keeps its strings in its own catalog (`Record<PurseLocale, T>`), in
 * en, de and fr; a hook reads the one for the provider's locale. Strings that depend on values
 * are functions, so translations can reorder words.
 */
import type { PurseLocale } from '@purse/core';

export type Catalog<T> = Record<PurseLocale, T>;

export interface CommonMessages {
  loading: string;
  retry: string;
  close: string;
  cancel: string;
  errorTitle: string;
  /** A generic, human explanation for an error code the component has no better words for. */
  errorFallback: string;
  networkError: string;
  sessionExpired: string;
  rateLimited: string;
}

const en: CommonMessages = {
  loading: 'Loading…',
  retry: 'Try again',
  close: 'Close',
  cancel: 'Cancel',
  errorTitle: 'Something went wrong',
  errorFallback: 'Something went wrong on our side. Please try again.',
  networkError: 'We couldn’t reach the server. Check your connection and try again.',
  sessionExpired: 'You’ve been signed out. Sign in again to continue.',
  rateLimited: 'Too many requests right now. Wait a moment and try again.',
};

/** German, loaded with `@purse/react/locales/de`. */
export const commonMessagesDe: CommonMessages = {
  loading: 'Wird geladen …',
  retry: 'Erneut versuchen',
  close: 'Schließen',
  cancel: 'Abbrechen',
  errorTitle: 'Etwas ist schiefgelaufen',
  errorFallback: 'Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es erneut.',
  networkError:
    'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  sessionExpired: 'Sie wurden abgemeldet. Melden Sie sich erneut an, um fortzufahren.',
  rateLimited: 'Gerade zu viele Anfragen. Warten Sie einen Moment und versuchen Sie es erneut.',
};

/** French, loaded with `@purse/react/locales/fr`. */
export const commonMessagesFr: CommonMessages = {
  loading: 'Chargement…',
  retry: 'Réessayer',
  close: 'Fermer',
  cancel: 'Annuler',
  errorTitle: 'Un problème est survenu',
  errorFallback: 'Un problème est survenu de notre côté. Veuillez réessayer.',
  networkError: 'Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.',
  sessionExpired: 'Vous avez été déconnecté. Reconnectez-vous pour continuer.',
  rateLimited: 'Trop de requêtes pour le moment. Patientez un instant et réessayez.',
};

/** All three, for tests and translators (components read `commonText`). */
export const commonMessages: Catalog<CommonMessages> = {
  en,
  de: commonMessagesDe,
  fr: commonMessagesFr,
};

/** What the component reads: English built in, other locales from their packs. */
export const commonText: MessageRef<CommonMessages> = defineMessages('common', en);
