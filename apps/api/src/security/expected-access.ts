/**
 * Who may call what, written by hand from the contract (docs api.md and domain.md, Roles), NOT
 * read from the routes' decorators: access-matrix.e2e-spec.ts compares the running app with it,
 * so that a decorator changed by mistake (or a route added without a decision) fails the suite.
 *
 * `Y`: the caller passes the access check (the route may still answer 400/404/409/422 to the
 * placeholder request, never 401/403 and never 5xx); `401`: sign-in required; `403`: role refused.
 * A route added to the app must be added here, by a person who decides who may call it.
 */

export const CALLERS = ['anonymous', 'CITIZEN', 'RECEPTIONIST', 'OFFICER', 'APPROVER', 'MANAGER', 'ADMIN'] as const;
export type Caller = (typeof CALLERS)[number];

export type Outcome = 'Y' | 401 | 403;
const Y = 'Y' as const;

/** `METHOD /api/v1/path` (Nest's `:param` syntax) → the outcome for each caller, in CALLERS' order. */
export type ExpectedAccess = Record<string, readonly [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome]>;

// prettier-ignore
export const EXPECTED_ACCESS: ExpectedAccess = {
  //                                                          anon  CITIZEN RECEPT. OFFICER APPROV. MANAGER ADMIN
  // Health (api.md, Health and docs)
  'GET /api/v1/health':                                       [Y,   Y,      Y,      Y,      Y,      Y,      Y],

  // Identity: login, registration and token renewal are how one becomes signed in.
  'POST /api/v1/auth/register':                               [Y,   Y,      Y,      Y,      Y,      Y,      Y],
  'POST /api/v1/auth/login':                                  [Y,   Y,      Y,      Y,      Y,      Y,      Y],
  // The refresh token is the credential (the access token may have expired).
  'POST /api/v1/auth/refresh':                                [Y,   Y,      Y,      Y,      Y,      Y,      Y],
  'POST /api/v1/auth/logout':                                 [Y,   Y,      Y,      Y,      Y,      Y,      Y],
  'GET /api/v1/auth/me':                                      [401, Y,      Y,      Y,      Y,      Y,      Y],
  // Which login methods the sign-in page offers.
  'GET /api/v1/auth/providers':                               [Y,   Y,      Y,      Y,      Y,      Y,      Y],
  'GET /api/v1/auth/oidc/login':                              [Y,   Y,      Y,      Y,      Y,      Y,      Y],
  'GET /api/v1/auth/oidc/callback':                           [Y,   Y,      Y,      Y,      Y,      Y,      Y],

  // Catalog (public)
  'GET /api/v1/agencies':                                     [Y,   Y,      Y,      Y,      Y,      Y,      Y],
  'GET /api/v1/sectors':                                      [Y,   Y,      Y,      Y,      Y,      Y,      Y],
  'GET /api/v1/procedures':                                   [Y,   Y,      Y,      Y,      Y,      Y,      Y],
  'GET /api/v1/procedures/:code':                             [Y,   Y,      Y,      Y,      Y,      Y,      Y],
  // Blank form templates to print (issue 16): public like the procedure page.
  'GET /api/v1/procedures/:code/templates/:name':              [Y,   Y,      Y,      Y,      Y,      Y,      Y],
  'GET /api/v1/holidays':                                     [Y,   Y,      Y,      Y,      Y,      Y,      Y],

  // Administration (ADMIN only)
  'POST /api/v1/admin/agencies':                              [401, 403,    403,    403,    403,    403,    Y],
  'POST /api/v1/admin/sectors':                               [401, 403,    403,    403,    403,    403,    Y],
  'POST /api/v1/admin/users':                                 [401, 403,    403,    403,    403,    403,    Y],
  'POST /api/v1/admin/procedures':                            [401, 403,    403,    403,    403,    403,    Y],
  'PUT /api/v1/admin/procedures/:code':                       [401, 403,    403,    403,    403,    403,    Y],
  'PUT /api/v1/admin/holidays/:date':                         [401, 403,    403,    403,    403,    403,    Y],
  'DELETE /api/v1/admin/holidays/:date':                      [401, 403,    403,    403,    403,    403,    Y],

  // Dossiers: the citizen's own (a draft, its attachments, submit, supplement, withdraw, rating).
  'POST /api/v1/dossiers':                                    [401, Y,      403,    403,    403,    403,    403],
  // Citizens list their own, staff their agency scope (an out-of-scope dossier is 404, see idor).
  'GET /api/v1/dossiers':                                     [401, Y,      Y,      Y,      Y,      Y,      Y],
  // A walk-in dossier joins an account with the counter receipt's claim code (contract: Counter).
  'POST /api/v1/dossiers/claim':                              [401, Y,      403,    403,    403,    403,    403],
  'GET /api/v1/dossiers/:id':                                 [401, Y,      Y,      Y,      Y,      Y,      Y],
  'PATCH /api/v1/dossiers/:id':                               [401, Y,      403,    403,    403,    403,    403],
  'POST /api/v1/dossiers/:id/attachments':                    [401, Y,      403,    403,    403,    403,    403],
  'GET /api/v1/dossiers/:id/attachments/:attachmentId':       [401, Y,      Y,      Y,      Y,      Y,      Y],
  // Our addition (docs/api.md): the applicant removes a file from their own draft.
  'DELETE /api/v1/dossiers/:id/attachments/:attachmentId':    [401, Y,      403,    403,    403,    403,    403],
  'POST /api/v1/dossiers/:id/submit':                         [401, Y,      403,    403,    403,    403,    403],
  // Staff actions: the desk, the officer, the approver; managers and admins only read.
  'POST /api/v1/dossiers/:id/actions':                        [401, 403,    Y,      Y,      Y,      403,    403],
  'POST /api/v1/dossiers/:id/supplement':                     [401, Y,      403,    403,    403,    403,    403],
  'POST /api/v1/dossiers/:id/withdraw':                       [401, Y,      403,    403,    403,    403,    403],
  'POST /api/v1/dossiers/:id/rating':                         [401, Y,      403,    403,    403,    403,    403],
  'GET /api/v1/dossiers/:id/receipt.pdf':                     [401, Y,      Y,      Y,      Y,      Y,      Y],
  'GET /api/v1/dossiers/:id/apology.pdf':                     [401, Y,      Y,      Y,      Y,      Y,      Y],
  // The timeline's hash chain, checked (MANAGER, ADMIN).
  'GET /api/v1/dossiers/:id/audit':                           [401, 403,    403,    403,    403,    Y,      Y],
  // Public tracking: no personal data, rate-limited per address.
  'GET /api/v1/tracking/:code':                               [Y,   Y,      Y,      Y,      Y,      Y,      Y],
  // Electronic results: the assigned officer or an approver uploads; the applicant (once
  // returned) and the agency's staff download; the service narrows by scope and status (404).
  'POST /api/v1/dossiers/:id/result':                         [401, 403,    403,    Y,      Y,      403,    403],
  'GET /api/v1/dossiers/:id/result.pdf':                      [401, Y,      Y,      Y,      Y,      Y,      Y],
  // Our additions (docs/api.md): generating from the template is an upload by other means (same
  // callers); only an approver of the agency withdraws an issued result.
  'POST /api/v1/dossiers/:id/result/generate':                [401, 403,    403,    Y,      Y,      403,    403],
  'POST /api/v1/dossiers/:id/result/revoke':                  [401, 403,    403,    403,    Y,      403,    403],
  // Public verification of a signed result: no personal data, rate-limited per address.
  'GET /api/v1/verify/:code':                                 [Y,   Y,      Y,      Y,      Y,      Y,      Y],
  'POST /api/v1/verify':                                      [Y,   Y,      Y,      Y,      Y,      Y,      Y],

  // Counter and queues (staff)
  'POST /api/v1/counter/dossiers':                            [401, 403,    Y,      403,    403,    403,    403],
  'GET /api/v1/queue':                                        [401, 403,    Y,      Y,      Y,      Y,      Y],
  // The active staff of one's agency with their open load, for assignment (contract: Staff).
  'GET /api/v1/staff':                                        [401, 403,    Y,      Y,      Y,      Y,      Y],

  // Fees and online payment: the applicant pays online, the desk records cash; the gateway's IPN
  // and the browser's return carry no login (the IPN is trusted by its signature alone).
  'POST /api/v1/dossiers/:id/payments':                       [401, Y,      403,    403,    403,    403,    403],
  'POST /api/v1/dossiers/:id/payments/counter':               [401, 403,    Y,      403,    403,    403,    403],
  // The electronic fee receipt (our addition): the applicant and the agency's staff; 404 before payment.
  'GET /api/v1/dossiers/:id/fee-receipt.pdf':                 [401, Y,      Y,      Y,      Y,      Y,      Y],
  'GET /api/v1/payments/vnpay/ipn':                           [Y,   Y,      Y,      Y,      Y,      Y,      Y],
  'GET /api/v1/payments/vnpay/return':                        [Y,   Y,      Y,      Y,      Y,      Y,      Y],
  // The built-in sandbox gateway stands in for the bank outside production (mounted only then).
  // The demo command (README, demo:overdue): outside production only, for the administrator.
  'POST /api/v1/sandbox/demo/overdue':                        [401, 403,    403,    403,    403,    403,    Y],
  'GET /api/v1/sandbox/vnpay/pay':                            [Y,   Y,      Y,      Y,      Y,      Y,      Y],
  'POST /api/v1/sandbox/vnpay/pay':                           [Y,   Y,      Y,      Y,      Y,      Y,      Y],
  'POST /api/v1/sandbox/vnpay/querydr':                       [Y,   Y,      Y,      Y,      Y,      Y,      Y],

  // Notifications: every signed-in user's own inbox and preferences (someone else's id is 404, see idor);
  // the unsubscribe link is trusted by its signature alone (no login).
  'GET /api/v1/notifications':                                [401, Y,      Y,      Y,      Y,      Y,      Y],
  'POST /api/v1/notifications/read-all':                      [401, Y,      Y,      Y,      Y,      Y,      Y],
  'POST /api/v1/notifications/:id/read':                      [401, Y,      Y,      Y,      Y,      Y,      Y],
  'GET /api/v1/notifications/preferences':                    [401, Y,      Y,      Y,      Y,      Y,      Y],
  'PUT /api/v1/notifications/preferences':                    [401, Y,      Y,      Y,      Y,      Y,      Y],
  'GET /api/v1/notifications/unsubscribe':                    [Y,   Y,      Y,      Y,      Y,      Y,      Y],
  // The stand-in SMS gateway outside production (mounted only then), like the VNPay sandbox.
  'POST /api/v1/sandbox/sms/send':                            [Y,   Y,      Y,      Y,      Y,      Y,      Y],
  'GET /api/v1/sandbox/sms/messages':                         [Y,   Y,      Y,      Y,      Y,      Y,      Y],
  'GET /api/v1/sandbox/sms':                                  [Y,   Y,      Y,      Y,      Y,      Y,      Y],

  // Reports (MANAGER, ADMIN); open data for everyone.
  'GET /api/v1/reports/summary':                              [401, 403,    403,    403,    403,    Y,      Y],
  'GET /api/v1/reports/breakdown':                            [401, 403,    403,    403,    403,    Y,      Y],
  'GET /api/v1/reports/breakdown.csv':                        [401, 403,    403,    403,    403,    Y,      Y],
  'GET /api/v1/reports/live':                                 [401, 403,    403,    403,    403,    Y,      Y],
  'GET /api/v1/public/stats':                                 [Y,   Y,      Y,      Y,      Y,      Y,      Y],
};
