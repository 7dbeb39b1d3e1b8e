import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './sender-guard';

describe('IPC sender check', () => {
  it('accepts only the main frame of app://bundle', () => {
    expect(isTrustedSender({ url: 'app://bundle/index.html', parent: null })).toBe(true);
  });

  it.each([
    ['no frame', null],
    ['a subframe', { url: 'app://bundle/index.html', parent: {} }],
    ['another scheme', { url: 'https://bundle/index.html', parent: null }],
    ['file://', { url: 'file:///etc/passwd', parent: null }],
    ['a look-alike host', { url: 'app://bundle.evil/index.html', parent: null }],
    ['userinfo', { url: 'app://bundle@evil/index.html', parent: null }],
    ['credentials on our host', { url: 'app://x:y@bundle/index.html', parent: null }],
    ['a port', { url: 'app://bundle:8080/index.html', parent: null }],
    ['not a URL', { url: 'bundle', parent: null }],
    ['about:blank', { url: 'about:blank', parent: null }],
  ])('refuses %s', (_name, frame) => {
    expect(isTrustedSender(frame)).toBe(false);
  });
});
