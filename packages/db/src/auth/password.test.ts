import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

describe('password hashing (scrypt)', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('kwadrant-demo');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('kwadrant-demo', hash)).toBe(true);
    expect(await verifyPassword('kwadrant-demO', hash)).toBe(false);
  });

  it('salts every hash and rejects a malformed one', async () => {
    expect(await hashPassword('x')).not.toBe(await hashPassword('x'));
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
  });
});
