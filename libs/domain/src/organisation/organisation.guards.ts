import { requireText } from '../shared/guards.js';

const CULTURE_MAX = 4000;

export const requireCulture = (culture: string) => requireText('culture', culture, CULTURE_MAX);
