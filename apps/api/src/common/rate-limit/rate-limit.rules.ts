/**
 * Every rate limit of the API, in one table (issue 12: "one rule where a class of bugs lives").
 * `limit` requests per `windowSeconds` for one key (an address, an account…); the counters are
 * kept in PostgreSQL so that every API process shares them.
 */
export interface RateLimitRule {
  readonly name: string;
  readonly limit: number;
  readonly windowSeconds: number;
}

export const RATE_LIMITS = {
  /** Public tracking by code: about 60 a minute per address (contract: Dossiers, tracking). */
  trackingByAddress: { name: 'tracking:ip', limit: 60, windowSeconds: 60 },
  /** Anonymous open data (`/public/stats`) per address; answers are also cached 60 s. */
  publicStatsByAddress: { name: 'public-stats:ip', limit: 30, windowSeconds: 60 },
  /** Registrations per address: bounds national-ID probing through 409 answers. */
  registerByAddress: { name: 'register:ip', limit: 10, windowSeconds: 3600 },
  /**
   * Password logins per account, reserved before the password is evaluated (so parallel guesses
   * cannot all pass) and forgiven on success: at most 10 evaluated a minute, then a back-off that
   * doubles with each further lockout (the longer tiers below), up to 15 minutes (api.md, Identity).
   */
  loginByAccount: { name: 'login:user', limit: 10, windowSeconds: 60 },
  loginByAccount2m: { name: 'login:user:2m', limit: 15, windowSeconds: 120 },
  loginByAccount4m: { name: 'login:user:4m', limit: 20, windowSeconds: 240 },
  loginByAccount8m: { name: 'login:user:8m', limit: 25, windowSeconds: 480 },
  loginByAccount15m: { name: 'login:user:15m', limit: 30, windowSeconds: 900 },
  /** Failed logins per address: wide, so one person's mistakes do not lock out a shared kiosk or NAT. */
  loginByAddress: { name: 'login:ip', limit: 100, windowSeconds: 900 },
  /** Counter-dossier claims per account (contract: Counter, claims are rate-limited). */
  claimByUser: { name: 'claim:user', limit: 10, windowSeconds: 3600 },
  /** Claims per address as well, so that many accounts on one address cannot walk codes. */
  claimByAddress: { name: 'claim:ip', limit: 30, windowSeconds: 3600 },
  /** Public result verification by code per address (contract: Electronic results). */
  verifyByAddress: { name: 'verify:ip', limit: 60, windowSeconds: 60 },
  /** Uploaded files checked per address: each is read and its signature verified. */
  verifyFileByAddress: { name: 'verify-file:ip', limit: 10, windowSeconds: 60 },
} as const satisfies Record<string, RateLimitRule>;

/**
 * Caps on things held open rather than hits per window; counted in PostgreSQL too, so the cap
 * holds whichever process serves the caller.
 */
export const OPEN_CAPS = {
  /** Live report streams per user (contract: Notifications, stream caps). */
  reportsLivePerUser: 5,
} as const;
