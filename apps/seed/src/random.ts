import { v5 as uuidv5 } from 'uuid';

/**
 * Seeded randomness for the demo. Two runs with the same seed must write the same events, so
 * nothing here reads the clock or `crypto.randomUUID`; everything derives from the seed.
 */

// cyrb128: spreads a string seed over the four 32-bit words sfc32 starts from.
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/**
 * sfc32, a small fast generator with a good statistical record. Each part of the scenario draws
 * from its own `fork`, named by a path, so adding a draw to one part never shifts another part's
 * numbers (and so never changes the rest of the pilot).
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  private constructor(readonly path: string) {
    [this.a, this.b, this.c, this.d] = cyrb128(path);
    for (let i = 0; i < 12; i++) this.next();
  }

  static seeded(seed: number): Random {
    return new Random(`seed:${seed}`);
  }

  fork(label: string): Random {
    return new Random(`${this.path}/${label}`);
  }

  /** A float in [0, 1). */
  next(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** A whole number from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One value, with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let point = this.next() * total;
    for (const [value, weight] of entries) {
      point -= weight;
      if (point < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  }

  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, count));
  }

  /** `count` distinct items, each drawn with probability growing with its weight (Efraimidis–Spirakis). */
  weightedSample<T>(items: readonly T[], weight: (item: T) => number, count: number): T[] {
    return items
      .map((item) => ({ item, key: Math.pow(this.next(), 1 / Math.max(weight(item), 1e-9)) }))
      .sort((x, y) => y.key - x.key)
      .slice(0, Math.max(0, count))
      .map((entry) => entry.item);
  }

  /** Box–Muller. */
  normal(mean: number, deviation: number): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + deviation * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  binomial(trials: number, probability: number): number {
    let successes = 0;
    for (let i = 0; i < trials; i++) if (this.chance(probability)) successes++;
    return successes;
  }

  /** A 32-bit seed for libraries with their own generator (faker). */
  uint32(): number {
    return Math.floor(this.next() * 4294967296) >>> 0;
  }
}

/** The namespace of every id the demo derives; a constant, so ids depend on the seed alone. */
const DEMO_NAMESPACE = '0b7d4f7e-4c1a-5b8e-9f3d-2a6c8e1f5d90';

/**
 * Ids named by what they identify (`carer:12`, `command:...`) inside a namespace derived from the
 * seed: the same seed gives the same ids, another seed gives other ids, and an id does not move
 * when some part of the scenario draws one more random number.
 */
export class Ids {
  private readonly namespace: string;

  constructor(readonly scope: string) {
    this.namespace = uuidv5(scope, DEMO_NAMESPACE);
  }

  uuid(key: string): string {
    return uuidv5(key, this.namespace);
  }

  /** Six hex digits, to make readable ids (organisations, members) unique per seed. */
  tag(key: string): string {
    return this.uuid(key).replace(/-/g, '').slice(0, 6);
  }
}
