import { Slugger, type Formatter, identity } from './helpers.js';
import { levelOf, Level } from './helpers.js';

export { shout } from './helpers.js';
export type { Formatter };

export function title(text: string, format: Formatter = identity): string {
  return format(new Slugger().slug(text)) + (levelOf(text) === Level.High ? '!' : '');
}
