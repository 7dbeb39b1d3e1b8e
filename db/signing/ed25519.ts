/**
 * The cryptography of signing, and nothing else: Ed25519 key pairs
 * (node:crypto), the key id (SHA-256 of the public key's SPKI DER encoding),
 * signing and verifying text, and the private key wrapped under a key derived
 * from the holder's password:
 *   ed25519-pkcs8$aes-256-gcm$<N>$<r>$<p>$<salt>$<iv>$<tag>$<ciphertext>   (base64 parts)
 * scrypt's cost travels with the wrap, as with password hashes. The key id is
 * the GCM additional data, so a wrap copied onto another key does not open.
 */
import { createCipheriv, createDecipheriv, createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import { deriveKey, deriveKeySync, type ScryptCost } from '../auth/password';

export interface KeyPair {
  keyId: string;
  /** SPKI DER, base64: what the registry stores. */
  publicKey: string;
  privateKey: KeyObject;
}

const WRAP_SCHEME = 'ed25519-pkcs8';
const CIPHER = 'aes-256-gcm';

export function keyIdOf(publicKeyBase64: string): string {
  return createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex');
}

function pairOf(privateKey: KeyObject): KeyPair {
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).toString('base64');
  return { keyId: keyIdOf(spki), publicKey: spki, privateKey };
}

export function newKeyPair(): KeyPair {
  return pairOf(generateKeyPairSync('ed25519').privateKey);
}

/** RFC 8410 PKCS#8 wrapping of a 32-byte Ed25519 seed. */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** The key pair of a given seed: only for tests that need the same keys on every run (golden files). */
export function keyPairFromSeed(seed: Buffer): KeyPair {
  if (seed.length !== 32) throw new Error('an Ed25519 seed is 32 bytes');
  return pairOf(createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' }));
}

/** The Ed25519 signature of the text's UTF-8 bytes, base64. */
export function signText(privateKey: KeyObject, text: string): string {
  return sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64');
}

/** Whether the signature is the key's over exactly this text; anything malformed is simply "no". */
export function verifyText(publicKeyBase64: string, text: string, signatureBase64: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKeyBase64, 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, Buffer.from(text, 'utf8'), key, Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}

function seal(privateKey: KeyObject, keyId: string, derived: Buffer, salt: Buffer, cost: ScryptCost): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv(CIPHER, derived, iv);
  cipher.setAAD(Buffer.from(keyId, 'utf8'));
  const plain = privateKey.export({ format: 'der', type: 'pkcs8' });
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  plain.fill(0);
  const b64 = (b: Buffer) => b.toString('base64');
  return [WRAP_SCHEME, CIPHER, cost.N, cost.r, cost.p, b64(salt), b64(iv), b64(cipher.getAuthTag()), b64(body)].join('$');
}

/** Encrypts the private key under the password (async scrypt: for work outside a transaction). */
export async function wrapPrivateKey(privateKey: KeyObject, keyId: string, password: string, cost: ScryptCost): Promise<string> {
  const salt = randomBytes(16);
  return seal(privateKey, keyId, await deriveKey(password, salt, cost), salt, cost);
}

/** The same, synchronously: a key issued inside the signing transaction. */
export function wrapPrivateKeySync(privateKey: KeyObject, keyId: string, password: string, cost: ScryptCost): string {
  const salt = randomBytes(16);
  return seal(privateKey, keyId, deriveKeySync(password, salt, cost), salt, cost);
}

/**
 * Opens a wrap with the password, or null: a wrong password, a damaged wrap,
 * or a wrap whose key is not the one named (the public key it yields must have
 * this key id). Synchronous: it runs at the moment of signing, in its transaction.
 */
export function unwrapPrivateKey(wrapped: string, keyId: string, password: string): KeyObject | null {
  const parts = wrapped.split('$');
  if (parts.length !== 9 || parts[0] !== WRAP_SCHEME || parts[1] !== CIPHER) return null;
  const [, , n, r, p, salt, iv, tag, body] = parts as [string, string, string, string, string, string, string, string, string];
  try {
    const derived = deriveKeySync(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
    const decipher = createDecipheriv(CIPHER, derived, Buffer.from(iv, 'base64'));
    decipher.setAAD(Buffer.from(keyId, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]);
    const privateKey = createPrivateKey({ key: plain, format: 'der', type: 'pkcs8' });
    plain.fill(0);
    const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).toString('base64');
    return privateKey.asymmetricKeyType === 'ed25519' && keyIdOf(spki) === keyId ? privateKey : null;
  } catch {
    return null;
  }
}
