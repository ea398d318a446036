import pc from 'picocolors';

/** Colour functions that leave text as it is (for reports written to files). */
export const noColors = pc.createColors(false);
