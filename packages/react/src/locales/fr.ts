/**
 * The French messages of every Purse component. Import once to make
 * `<PurseProvider locale="fr">` speak it:
 *
 *   import '@purse/react/locales/fr';
 */
import { accountListMessagesFr } from '../accounts/messages.js';
import { balanceCardMessagesFr } from '../balance/messages.js';
import { financialAccountCardMessagesFr } from '../financial-account/messages.js';
import { commonMessagesFr } from '../i18n/catalog.js';
import { registerLocalePack, type LocalePack } from '../i18n/locale-packs.js';
import { linkBankAccountMessagesFr } from '../link-bank-account/messages.js';
import { spendingMessagesFr } from '../spending/messages.js';
import { topUpHistoryMessagesFr } from '../top-up-history/messages.js';
import { topUpMessagesFr } from '../top-up/messages.js';
import { topUpFormMessagesFr } from '../top-up/form-messages.js';
import { topUpStepMessagesFr } from '../top-up/step-messages.js';
import { failureActionMessagesFr, failureMessagesFr } from '../transfer-status/failure-messages.js';
import { transferStatusMessagesFr } from '../transfer-status/messages.js';
import { transferDetailsMessagesFr } from '../transfer-status/details-messages.js';
import { walletActivityMessagesFr } from '../wallet-activity/messages.js';

export const fr: LocalePack = {
  locale: 'fr',
  messages: {
    common: commonMessagesFr,
    accountList: accountListMessagesFr,
    balanceCard: balanceCardMessagesFr,
    financialAccountCard: financialAccountCardMessagesFr,
    linkBankAccount: linkBankAccountMessagesFr,
    spending: spendingMessagesFr,
    topUpHistory: topUpHistoryMessagesFr,
    topUp: topUpMessagesFr,
    topUpSteps: topUpStepMessagesFr,
    topUpForm: topUpFormMessagesFr,
    failures: failureMessagesFr,
    failureActions: failureActionMessagesFr,
    transferStatus: transferStatusMessagesFr,
    transferDetails: transferDetailsMessagesFr,
    walletActivity: walletActivityMessagesFr,
  },
};

registerLocalePack(fr);
