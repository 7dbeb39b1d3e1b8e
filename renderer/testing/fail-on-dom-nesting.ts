/**
 * Renderer test setup: React's warnings about invalid DOM nesting (a list
 * inside a paragraph, say) fail the test that caused them. They only print to
 * stderr otherwise, and a page that is not valid HTML reads wrongly to screen
 * readers and prints unpredictably.
 */
import { afterEach, expect } from 'vitest';

const NESTING = /cannot (?:be a descendant of|contain a nested|be a child of)|validateDOMNesting/;
const seen: string[] = [];
const original = console.error.bind(console);

console.error = (...args: unknown[]) => {
  const text = args.map(String).join(' ');
  if (NESTING.test(text)) seen.push(text.split('\n')[0] ?? text);
  original(...args);
};

afterEach(() => {
  const found = seen.splice(0);
  expect(found, 'React reported invalid DOM nesting').toEqual([]);
});
