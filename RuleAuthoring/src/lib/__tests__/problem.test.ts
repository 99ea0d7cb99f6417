import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../problem';

describe('ApiProblem', () => {
  it('keeps the code, the words and each field at fault', () => {
    const p = new ApiProblem(400, {
      title: 'Invalid request', detail: 'fix the fields', code: 'validation_failed',
      errors: [{ field: 'body', code: 'missing_field', message: 'write something' }, 'junk'],
    });
    expect(p.code).toBe('validation_failed');
    expect(p.message).toBe('Invalid request: fix the fields');
    expect(p.errors).toEqual([{ field: 'body', code: 'missing_field', message: 'write something' }]);
  });

  it('names a status when the service sent no code', () => {
    expect(new ApiProblem(503, {}).code).toBe('http_503');
  });

  it('explains an unreachable service in words', () => {
    const p = ApiProblem.network(new TypeError('Failed to fetch'));
    expect(p.code).toBe('network_error');
    expect(p.detail).toContain('Failed to fetch');
  });
});
