import { describe, expect, it } from 'vitest';
import { invitationTokenFrom } from './api.ts';

const BASE = 'https://ff.example.com';

describe('invitationTokenFrom', () => {
  it('takes the token from a pasted invitation link', () => {
    expect(invitationTokenFrom(`${BASE}/invitations/accept?token=abc_123-x`, BASE)).toBe('abc_123-x');
    expect(invitationTokenFrom('  /invitations/accept?token=t0k  ', BASE)).toBe('t0k');
  });

  it('takes a bare token as it is', () => {
    expect(invitationTokenFrom('abc_123-x', BASE)).toBe('abc_123-x');
  });

  it('returns null for nothing, or a link whose token is empty', () => {
    expect(invitationTokenFrom('   ', BASE)).toBeNull();
    expect(invitationTokenFrom(`${BASE}/invitations/accept?token=`, BASE)).toBe('');
    expect(invitationTokenFrom('http://[bad/?token=x', BASE)).toBeNull();
  });
});
