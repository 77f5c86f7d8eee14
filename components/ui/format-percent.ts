/** A share (0..1) as a whole percentage. */
export const formatPercent = (share: number) => `${Math.round(share * 100)}%`;
