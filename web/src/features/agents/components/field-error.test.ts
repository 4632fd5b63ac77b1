import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api.ts';
import { fieldError } from './field-error.ts';

const error = new ApiError('VALIDATION_ERROR', 'Invalid request body', {
  status: 400,
  details: [
    {
      field: 'json.capabilities.1',
      message: 'Lower-case letters, digits, dot, dash or underscore; at most 64',
    },
    { field: 'body.name', message: 'Required' },
    { field: 'route', message: 'Give a model or a route, not both' },
  ],
});

describe('fieldError', () => {
  it('finds the message of a field whatever request part prefixes it, including paths below it', () => {
    expect(fieldError(error, 'capabilities')).toMatch(/^Lower-case/);
    expect(fieldError(error, 'name')).toBe('Required');
    expect(fieldError(error, 'route')).toBe('Give a model or a route, not both');
  });

  it('answers nothing for other fields, similar names, or errors that are not API errors', () => {
    expect(fieldError(error, 'model')).toBeUndefined();
    expect(fieldError(error, 'capabilitie')).toBeUndefined();
    expect(fieldError(new Error('boom'), 'name')).toBeUndefined();
  });
});
