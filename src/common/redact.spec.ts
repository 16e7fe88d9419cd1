import { redact, redactValue } from './redact.js';

describe('redact', () => {
  const basic = Buffer.from('cid:client-secret-xyz').toString('base64');

  it.each([
    [`authorization: Basic ${basic}`, basic],
    [`{"headers":{"Authorization":"Bearer eyJhbGciOi.abc.def"}}`, 'eyJhbGciOi'],
    ['Proxy-Authorization: Negotiate YII3kdk39skd', 'YII3kdk39skd'],
    ['upstream said: Bearer tok_1234567890abcdef', 'tok_1234567890abcdef'],
    ['GET https://alice:hunter2pw@mcp.example.com/x failed', 'hunter2pw'],
    ['grant_type=client_credentials&client_secret=s3cr3t-value&scope=a', 's3cr3t-value'],
    ['{"access_token":"at-9f8e7d6c","token_type":"Bearer"}', 'at-9f8e7d6c'],
    ['x-api-key: k-abcdef123456', 'k-abcdef123456'],
  ])('removes the credential from %s', (text, secret) => {
    expect(redact(text)).not.toContain(secret);
    expect(redact(text)).toContain('[redacted]');
  });

  it('removes known secret values in clear, URL-encoded and base64 forms, and as basic credentials with the client id', () => {
    const secret = 'client-secret-xyz/+=';
    const text = `echo ${secret} ${encodeURIComponent(secret)} ${Buffer.from(secret).toString('base64')} ${Buffer.from(`cid:${secret}`).toString('base64')}`;
    const out = redact(text, { values: [secret], ids: ['cid'] });
    expect(out).toBe('echo [redacted] [redacted] [redacted] [redacted]');
  });

  it('leaves ordinary text and field names alone', () => {
    const text = 'oauthClientSecret: must be a string; server mcp_01 answered HTTP 401 (invalid_client)';
    expect(redact(text)).toBe(text);
  });

  it('redacts strings inside log arguments and errors', () => {
    const out = redactValue({ msg: 'authorization: Basic abcdefgh12', err: new Error('Bearer abcdefghijkl') });
    expect(JSON.stringify(out)).not.toMatch(/abcdefgh12|abcdefghijkl/);
  });
});
