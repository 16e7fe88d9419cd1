import { QueryFailedError } from 'typeorm';
import { toProblem } from './problem.filter.js';

const pgError = (code: string, column?: string) =>
  new QueryFailedError('INSERT ...', [], Object.assign(new Error(`pg ${code}`), { code, column }));

describe('toProblem: PostgreSQL errors only client input can cause are 4xx, mapped once', () => {
  it.each([
    ['23505', 409, 'conflict'], // unique-key race: two concurrent creates of one name, two adds of one member
    ['23503', 409, 'conflict'], // foreign-key race: a refresh writing tools of a server deleted meanwhile
    ['22001', 400, 'validation_failed'],
    ['22021', 400, 'validation_failed'],
  ])('%s -> %s %s', (code, status, problemCode) => {
    expect(toProblem(pgError(code)).problem).toMatchObject({ status, code: problemCode });
  });

  it('names the column of a NOT NULL violation as the field', () => {
    expect(toProblem(pgError('23502', 'oauth_omit_resource')).problem.errors).toEqual([{ field: 'oauthOmitResource', message: 'must not be null' }]);
  });

  it('keeps anything else a 500 without internals', () => {
    expect(toProblem(pgError('53300')).problem).toEqual(expect.objectContaining({ status: 500, detail: 'An unexpected error occurred' }));
  });
});
