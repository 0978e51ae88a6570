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
  /** Counter-dossier claims per account (contract: Counter, claims are rate-limited). */
  claimByUser: { name: 'claim:user', limit: 10, windowSeconds: 3600 },
  /** Claims per address as well, so that many accounts on one address cannot walk codes. */
  claimByAddress: { name: 'claim:ip', limit: 30, windowSeconds: 3600 },
} as const satisfies Record<string, RateLimitRule>;

/**
 * Caps on things held open rather than hits per window; counted in PostgreSQL too, so the cap
 * holds whichever process serves the caller.
 */
export const OPEN_CAPS = {
  /** Live report streams per user (contract: Notifications, stream caps). */
  reportsLivePerUser: 5,
} as const;
