/**
 * The English strings in one chunk, fetched when English is first needed (translator.ts loadLanguage): the base
 * file and every feature file together compress ~2 KB smaller than ten small chunks, in one request.
 */
import base from './en.json';

export type Tree = { [key: string]: string | Tree };

export const english = {
  base: base as Tree,
  features: import.meta.glob<{ default: Tree }>('./features/*.en.json', { eager: true }),
};
