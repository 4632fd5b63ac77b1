// The e2e harness: a real server (fresh PGlite, local SMTP), Debian's Chromium, accounts, axe, screenshots.
export { checkA11y } from './a11y.ts';
export {
  apiCall,
  createOrganization,
  createOrganizationInBrowser,
  createVerifiedUser,
  newUser,
  signedInContext,
  signedInPage,
  signInInBrowser,
  signUpAndVerifyInBrowser,
  type TApiSession,
  type TTestUser,
} from './accounts.ts';
export { collectPageErrors, DESKTOP, launchBrowser, newContext, PHONE } from './browser.ts';
export { linkIn, waitForMail } from './mail.ts';
export { startE2eServer, type TE2eServer } from './server.ts';
export { fitsPhoneWidth, snap } from './snap.ts';
