/**
 * How citizens reach a person (help page, privacy notice, footer): one place. The hotline is the
 * city's public line already printed in the footer; the e-mail is the demo's (a reserved domain).
 */
export const SUPPORT = {
  hotline: '1022',
  email: 'hotro@motcua.example',
} as const;
