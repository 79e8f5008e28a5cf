/**
 * The German messages of every Purse component. Import once to make
 * `<PurseProvider locale="de">` speak it:
 *
 *   import '@purse/react/locales/de';
 */
import { accountListMessagesDe } from '../accounts/messages.js';
import { balanceCardMessagesDe } from '../balance/messages.js';
import { financialAccountCardMessagesDe } from '../financial-account/messages.js';
import { commonMessagesDe } from '../i18n/catalog.js';
import { registerLocalePack, type LocalePack } from '../i18n/locale-packs.js';
import { linkBankAccountMessagesDe } from '../link-bank-account/messages.js';
import { spendingMessagesDe } from '../spending/messages.js';
import { topUpHistoryMessagesDe } from '../top-up-history/messages.js';
import { topUpMessagesDe } from '../top-up/messages.js';
import { topUpFormMessagesDe } from '../top-up/form-messages.js';
import { topUpStepMessagesDe } from '../top-up/step-messages.js';
import { failureActionMessagesDe, failureMessagesDe } from '../transfer-status/failure-messages.js';
import { transferStatusMessagesDe } from '../transfer-status/messages.js';
import { transferDetailsMessagesDe } from '../transfer-status/details-messages.js';
import { walletActivityMessagesDe } from '../wallet-activity/messages.js';

export const de: LocalePack = {
  locale: 'de',
  messages: {
    common: commonMessagesDe,
    accountList: accountListMessagesDe,
    balanceCard: balanceCardMessagesDe,
    financialAccountCard: financialAccountCardMessagesDe,
    linkBankAccount: linkBankAccountMessagesDe,
    spending: spendingMessagesDe,
    topUpHistory: topUpHistoryMessagesDe,
    topUp: topUpMessagesDe,
    topUpSteps: topUpStepMessagesDe,
    topUpForm: topUpFormMessagesDe,
    failures: failureMessagesDe,
    failureActions: failureActionMessagesDe,
    transferStatus: transferStatusMessagesDe,
    transferDetails: transferDetailsMessagesDe,
    walletActivity: walletActivityMessagesDe,
  },
};

registerLocalePack(de);
