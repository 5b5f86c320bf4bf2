export { Level, levelName, slug } from './lib/helpers.mjs';
