/** The financial account's nickname: the longest one Stripe accepts (it must be under 250). */
export const MAX_NICKNAME_LENGTH = 249;

export type NicknameProblem = 'empty' | 'too_long';

/** Why `nickname` cannot be saved (after trimming, as the server does), or null. */
export function nicknameProblem(nickname: string): NicknameProblem | null {
  const trimmed = nickname.trim();
  if (trimmed.length === 0) return 'empty';
  if (trimmed.length > MAX_NICKNAME_LENGTH) return 'too_long';
  return null;
}
