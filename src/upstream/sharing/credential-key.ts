/** Keys that name a credential without revealing it (HMAC), for sharing and caching. */
import { createHmac, createSecretKey, hash, type KeyObject, randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Credential } from '../types.js';

/**
 * Turns a credential into a key that names it without revealing it: HMAC-SHA256 under a secret
 * (random per process, or configured so that replicas sharing a Redis cache agree).
 * Every shared or cached upstream answer is keyed by this, never by the credential itself.
 */
export class CredentialKeyer {
  readonly #secret: KeyObject;
  // createHmac costs several times a one-shot SHA-256 and a lookup: a credential's key is made
  // once and found again by the credential's digest (never by the credential itself).
  readonly #keys = new LRUCache<string, string>({ max: 10_000 });

  constructor(secret?: string) {
    // A KeyObject, made once: createHmac then skips importing the key on every request.
    this.#secret = createSecretKey(secret === undefined ? randomBytes(32) : Buffer.from(secret, 'utf8'));
  }

  keyOf(credential: Credential): string {
    const digest = hash('sha256', `${credential.kind}\0${credential.value}`, 'base64url');
    let key = this.#keys.get(digest);
    if (key === undefined) {
      key = createHmac('sha256', this.#secret).update(credential.kind).update('\0').update(credential.value).digest('base64url');
      this.#keys.set(digest, key);
    }
    return key;
  }
}
