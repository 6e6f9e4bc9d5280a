/**
 * Rounds away binary noise (0.1 + 0.2) so that equal fractions compare and print equal. Twelve
 * digits by default: far below any figure the platform shows, far above a double's noise.
 */
export const round = (value: number, digits = 12): number => {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
};
