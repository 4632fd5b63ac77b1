export { userAchievements } from './schema.ts';
