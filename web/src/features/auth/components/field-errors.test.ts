import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api.ts';
import { fieldError, isEmailNotVerified } from './field-errors.ts';

const validation = (details: ApiError['details'], message = 'Invalid') =>
  new ApiError('VALIDATION_ERROR', message, { status: 400, details });

describe('fieldError', () => {
  it('finds a detail by field name, with or without the body. prefix', () => {
    const error = validation([
      { field: 'body.email', message: 'Invalid email address' },
      { field: 'name', message: 'Required' },
    ]);
    expect(fieldError(error, 'email')).toBe('Invalid email address');
    expect(fieldError(error, 'name')).toBe('Required');
    expect(fieldError(error, 'password')).toBeUndefined();
  });

  it("maps better-auth's reasons to the field they concern, with the server's message", () => {
    const error = validation(
      [{ message: 'INVALID_EMAIL', reason: 'INVALID_EMAIL' } as never],
      'Invalid email',
    );
    expect(fieldError(error, 'email')).toBe('Invalid email');
    expect(fieldError(error, 'password')).toBeUndefined();
  });

  it('ignores anything that is not an ApiError', () => {
    expect(fieldError(new Error('boom'), 'email')).toBeUndefined();
    expect(fieldError(undefined, 'email')).toBeUndefined();
  });
});

describe('isEmailNotVerified', () => {
  it('recognises the unverified-email refusal only', () => {
    const unverified = new ApiError('AUTHENTICATION_FAILED', 'Email not verified', {
      status: 403,
      details: [{ message: 'EMAIL_NOT_VERIFIED', reason: 'EMAIL_NOT_VERIFIED' } as never],
    });
    const wrongPassword = new ApiError('AUTHENTICATION_FAILED', 'Invalid email or password', {
      status: 401,
      details: [{ message: 'INVALID_EMAIL_OR_PASSWORD', reason: 'INVALID_EMAIL_OR_PASSWORD' } as never],
    });
    expect(isEmailNotVerified(unverified)).toBe(true);
    expect(isEmailNotVerified(wrongPassword)).toBe(false);
  });
});
