/**
 * How long a closed dossier's personal data is kept (domain.md, "Personal data (Decree
 * 13/2023/NĐ-CP)"): the privacy notice states it, the `retention.sweep` job enforces it
 * (retention.ts). A module of its own so the web's notice imports one number, not the date rule.
 */
export const DATA_RETENTION_YEARS = 10;
