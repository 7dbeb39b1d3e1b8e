import { describe, expect, it } from 'vitest';
import { languageFromEhr } from './languages';

describe('a language an EHR sent, matched to the list', () => {
  it.each([
    ['es', '', 'es'],
    ['ES', '', 'es'],
    ['es-MX', '', 'es'],
    ['zh-Hant-TW', '', 'zh'],
    ['ASE', '', 'ase'],
    ['VIE', 'Vietnamese', 'vi'],
    ['', 'spanish', 'es'],
    ['', ' Haitian Creole ', 'ht'],
  ])('code %j, text %j is %j', (code, text, tag) => {
    expect(languageFromEhr(code, text)).toBe(tag);
  });

  it.each([
    ['xq', 'Klingon'],
    ['spa', ''],
    ['', 'Español'],
    ['', ''],
    ['e', ''],
  ])('code %j, text %j is not guessed', (code, text) => {
    expect(languageFromEhr(code, text)).toBeNull();
  });
});
