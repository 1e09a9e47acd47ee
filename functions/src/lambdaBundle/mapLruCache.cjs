/**
 * What the Lambda bundle puts in place of `mnemonist/lru-cache` (infra/lib/lambdaBundling.ts aliases it).
 *
 * Why: the DynamoDB client's endpoint discovery keeps its endpoints in mnemonist's LRU cache (with
 * obliterator: 7 KB of every bundle), and our clients never turn endpoint discovery on. What it
 * calls (get, set, has, peek, clear) is kept here on a Map, in the order of use, the least used
 * dropped past the capacity.
 */
module.exports = class LRUCache {
  constructor(capacity) {
    this.capacity = capacity;
    this.items = new Map();
  }
  get(key) {
    if (!this.items.has(key)) return undefined;
    const value = this.items.get(key);
    this.items.delete(key);
    this.items.set(key, value);
    return value;
  }
  peek(key) {
    return this.items.get(key);
  }
  has(key) {
    return this.items.has(key);
  }
  set(key, value) {
    this.items.delete(key);
    this.items.set(key, value);
    if (this.items.size > this.capacity) this.items.delete(this.items.keys().next().value);
    return this;
  }
  clear() {
    this.items.clear();
  }
};
