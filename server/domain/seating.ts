/**
 * Table assignment for the check-in desk: seat the checked-in people at the forum's tables so
 * that every table's mix of districts, age groups and (where collected) gender is as close to
 * the room's mix as the seats allow.
 *
 * Pure: no I/O, no dependencies, no Node built-ins, no clock and no `Math.random` (the same
 * input gives the same output, byte for byte, in Node and in a browser).
 *
 * ## The problem: anticlustering
 * Splitting people into groups that are each as mixed as possible, and therefore as alike as
 * possible, is *anticlustering*: Papenberg, M. & Klau, G. W. (2021), "Using anticlustering to
 * partition data sets into equivalent parts", Psychological Methods 26(2), 161–174,
 * doi:10.1037/met0000301; the R package `anticlust`. `anticlust` balances categorical
 * variables first by stratified dealing (its `categories` argument / `categorical_sampling()`)
 * and then improves the split with the exchange method (for each element, the best swap with an
 * element of another group, done when it improves the objective). This module does the same,
 * with the constraints of a room full of people added.
 *
 * ## The objective
 * For table t with s_t seats (S seats in all), and a category c of a variable (a district, an
 * age group, a gender) held by n_c of the seated people, the table's fair share is
 *     f_tc = n_c · s_t / S          (n_c / tables when all tables are the same size)
 * and its band is [⌊f_tc⌋, ⌈f_tc⌉]. The number seated at a table is one more such variable
 * (one category, everyone): fair share N · s_t / S. The objective is, over tables, variables
 * and categories,
 *     Σ (x_tc − f_tc)² + OUT_PENALTY · (distance of x_tc outside its band)²
 * The first term is the k-means (variance) anticlustering objective on one-hot encoded
 * categories (Papenberg & Klau 2021; `anticlust::categories_to_binary`), up to constants, for
 * equal tables; the second makes a count outside its band cost far more than any spread inside
 * it, so the search goes for "every count within ±1 of its fair share" first and the last bit
 * of squared deviation second.
 *
 * ## The method
 * 1. Units. People sharing a `companionGroup` are one unit (a guardian and child, a family);
 *    everyone else is a unit of one. A unit needs an accessible table if any member does.
 *    Staff pins (`pins`) fix people to a table; companions without a pin follow their group's
 *    first pinned member; pins to different tables split a group (staff decided so).
 * 2. Who gets a seat. Pinned units first, then (unless `mode: 'fresh'`) units that already had
 *    seats, then everyone else in input order (pass check-in order: first come, first seated).
 *    A unit is seated while the counts allow: accessible units need Y ≤ A (Y people needing
 *    access, A accessible seats) and everyone needs X + Y ≤ S (Hall's condition for two kinds
 *    of seat). Those left out get a reason: `no-seat` (more people than seats: exactly
 *    `shortfall` = people − seats of them when every unit is one person), `no-accessible-seat`,
 *    `group-too-large` (larger than any table), `no-table-for-group` (the seats left are spread
 *    over tables, none with room for the whole group).
 * 3. Placement (stratified dealing). Pinned units go to their pins; in `keep` and `rebalance`
 *    modes, units that had a seat keep it when it is still valid. The rest go in the order:
 *    needing access first, larger units first (packing), then by stratum (district, age group,
 *    gender) with a seeded shuffle inside each stratum; each is dealt to the feasible table that
 *    moves the fewest previously seated people (zero for a newcomer) and then adds least to the
 *    objective, ties going round-robin. With equal tables and single people this is exactly
 *    stratified round-robin dealing. If no table has room for a unit (a group of three, or a
 *    wheelchair user when the accessible tables are full), room is made at the table where it
 *    takes the fewest moves: movable units there are moved to other tables with room.
 * 4. Exchange. The exchange method over units: for each movable unit in seeded order, the best of
 *    moving it to another table with room and swapping it with a unit at another table (seats,
 *    access and pins respected); applied when it lowers the objective. After the first pass only
 *    units at tables that changed are examined again ("don't look" bits); when none is left, a
 *    pass over all units confirms that no move or swap improves the objective, or the work goes
 *    on (at most `maxPasses` passes, default 50). A swap of two single people reads eight
 *    numbers per variable: each table keeps, per category, the objective's change if one person
 *    left or joined.
 * 5. Kicks. If a count is still outside its band, a bounded iterated local search: swap a unit
 *    that causes the excess (or lacks the category) with a random unit elsewhere, run the
 *    exchange again, keep the result only if it has fewer counts outside their band (or as few
 *    and a lower objective); at most `maxKicks` (default 40), seeded; one confirming pass at
 *    the end.
 *
 * ## Re-running after late arrivals (`mode`)
 * - `keep` (the default): everyone who has a valid `seatedAt` stays there; only newcomers are
 *   placed and exchanged among themselves. A seated person moves only when feasibility needs it:
 *   their table is gone, has fewer seats or is no longer accessible when they need it, a late
 *   companion joins them at a full table (whichever moves fewer people: the group or someone
 *   else), or a newcomer fits nowhere else. "Move as few people as possible" comes before the
 *   last percent of balance.
 * - `rebalance`: as `keep`, then the exchange may also move previously seated people, at most
 *   `maxMoves` of them (default: a tenth of them, rounded up), each move costing MOVE_COST in
 *   the objective so that a move is made only for a real gain.
 * - `fresh`: previous seats are ignored (a first run, or staff want a new draw).
 *
 * ## Guarantees
 * Always (hard constraints): no table over its seats; companions at one table (unless staff
 * pins split them); people needing access only at accessible tables (unless a staff pin puts
 * them elsewhere); a pin is kept when its table has a seat for it (otherwise it is reported in
 * `ignoredPins`); determinism for the same input and seed (tables are handled in id order,
 * people and groups in the order of a seeded hash of their ids, so the order of the input
 * lists changes nothing except who is left out, or keeps a seat at a table that shrank, when
 * seats are short: first come, first served); `shortfall` is exactly people − seats.
 * Not guaranteed: the balance is a local optimum of the objective under moves and swaps, not
 * a proven optimum. Measured: over seeded populations of 120 people at 12 tables for which a
 * balanced seating exists (companions, access needs and mixed table sizes included), every
 * count is within its band (test/server/seating.test.ts, 20 populations; 300 more runs while
 * tuning). In `keep` mode newcomers cannot undo the balance of seats that stay: that is the
 * trade-off staff asked for, and `rebalance` is there when they want better.
 * Time: a pass is O(U·(U + T)·V) for U units, T tables and V variables; 120 people at 12 tables
 * take a few milliseconds, 1,000 at 100 a few hundred (bench/seating.bench.ts).
 */

// ───────────────────────────── public types ─────────────────────────────

export interface SeatingTable {
  id: string;
  /** Seats at the table (a table with 0 seats is never used). */
  seats: number;
  /** Step-free, room for a wheelchair: people with access needs sit only at these. */
  accessible?: boolean;
  /** The table's topic, passed through to the balance figures. */
  topic?: string;
}

export interface SeatingPerson {
  id: string;
  district: string;
  ageGroup: string;
  /** Only where the form collects it; people without one do not count in the gender balance. */
  gender?: string | null;
  /** Must sit at an accessible table (e.g. `wheelchair` among the registration's needs: the caller decides which needs call for it). */
  needsAccessibleTable?: boolean;
  /** People with the same id came together and always sit at one table. */
  companionGroup?: string | null;
  /** The table this person was given by a previous run (unknown ids are ignored). */
  seatedAt?: string | null;
}

/** Staff moved a person by hand: keep them at this table. */
export interface SeatingPin {
  personId: string;
  tableId: string;
}

export type SeatingMode = 'keep' | 'rebalance' | 'fresh';

export interface SeatingInput {
  tables: readonly SeatingTable[];
  /** Checked-in people, in check-in order (the order decides who is left out when seats run out). */
  people: readonly SeatingPerson[];
  seed: string | number;
  pins?: readonly SeatingPin[];
  /** What to do with `seatedAt`; see the module comment. Default `keep`. */
  mode?: SeatingMode;
  /** `rebalance` only: how many previously seated people may change table for balance. */
  maxMoves?: number;
  /** Bound on exchange passes (default 50). */
  maxPasses?: number;
  /** Bound on kicks when a count is outside its band (default 40; 0 turns them off). */
  maxKicks?: number;
}

export type UnseatedReason = 'no-seat' | 'no-accessible-seat' | 'group-too-large' | 'no-table-for-group';

export interface SeatAssignment {
  personId: string;
  tableId: string;
  /** Had a seat at another table before this run. */
  moved: boolean;
  pinned: boolean;
}

export interface CategoryBalance {
  value: string;
  count: number;
  /** Fair share (n_c · seats / all seats), rounded to 3 decimals. */
  fair: number;
  /** ⌊fair⌋ and ⌈fair⌉: the band the count should be in. */
  min: number;
  max: number;
}

export interface TableBalance {
  tableId: string;
  topic?: string;
  seats: number;
  accessible: boolean;
  seated: number;
  /** Fair number of people at this table (N · seats / all seats), rounded to 3 decimals. */
  fairSeated: number;
  district: CategoryBalance[];
  ageGroup: CategoryBalance[];
  /** Present when anyone has a gender. */
  gender?: CategoryBalance[];
}

export interface SeatingResult {
  /** One entry per seated person, in input order. */
  seats: SeatAssignment[];
  /** People without a seat, in input order. */
  unseated: { personId: string; reason: UnseatedReason }[];
  /** People − seats when there are more people than seats (else 0): "N people cannot be seated". */
  shortfall: number;
  /** Pins that could not be kept; those people were seated like everyone else. */
  ignoredPins: { personId: string; tableId: string; reason: 'unknown-person' | 'unknown-table' | 'table-full' }[];
  /** Ids of people who had a seat before and now sit at another table (or lost their seat). */
  moved: string[];
  tables: TableBalance[];
  balance: {
    /** Largest |count − fair share| over tables and categories of district, age group, gender. */
    worstDeviation: number;
    /** Counts outside [⌊fair⌋, ⌈fair⌉]. */
    outOfBand: number;
    /** The objective (lower is better), rounded to 3 decimals. */
    cost: number;
  };
}

// ───────────────────────────── tuning ─────────────────────────────

/** Weight of a squared seat outside the band, against 1 for a squared seat of deviation. */
const OUT_PENALTY = 8;
/** Objective cost of moving one previously seated person in `rebalance` mode. */
const MOVE_COST = 1;
const EPS = 1e-9;

// ───────────────────────────── seeded randomness ─────────────────────────────

/** FNV-1a over UTF-16 code units, then a murmur3 finaliser. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** mulberry32: small, fast, good enough to shuffle people. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// ───────────────────────────── internal model ─────────────────────────────

interface Unit {
  /** Index into the unit list (and the typed arrays of the room). */
  id: number;
  key: string;
  /** Person indices, in input order. */
  members: number[];
  size: number;
  needsAccess: boolean;
  /** Pinned table, or -1. */
  pin: number;
  /** The table most of its previously seated members sat at, or -1 (always -1 in `fresh` mode). */
  prev: number;
  /** Members with a valid previous seat (0 in `fresh` mode). */
  prevSeated: number;
  /** (table, members seated there before) pairs. */
  prevAt: number[];
  /** Per variable: flattened (category, count) pairs, categories ascending. */
  cats: number[][];
  /** Units with the same profile are interchangeable: swapping them changes nothing. */
  profile: number;
  /** Seeded rank: the order of dealing within a stratum and of the exchange. */
  rank: number;
  /** Earliest input index of a member: first come, first seated. */
  arrival: number;
  /** Not moved by the exchange (pinned; a kept seat in `keep` mode). */
  locked: boolean;
  reason: UnseatedReason | null;
}

/**
 * Counts per table and category of every balance variable, the fair shares and bands, and the
 * objective's change when one person of a category leaves or joins a table (kept current on
 * every change, so that the exchange reads a swap of two single people in a few lookups).
 * Variable 0 is "people at the table" (one category); then district, age group, gender.
 * Categories of all variables are numbered together (variable v's start at start[v]); flat
 * arrays, category-major: index (start[v] + c) · tables + t.
 */
class Balance {
  readonly start: number[] = [];
  readonly count: Int32Array;
  readonly fair: Float64Array;
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  readonly leave: Float64Array;
  readonly join: Float64Array;
  /** Seated people per category, per variable. */
  readonly total: Int32Array[];

  constructor(
    readonly values: string[][],
    readonly tables: number,
  ) {
    let categories = 0;
    for (const list of values) {
      this.start.push(categories);
      categories += list.length;
    }
    const n = categories * tables;
    this.count = new Int32Array(n);
    this.fair = new Float64Array(n);
    this.lo = new Int32Array(n);
    this.hi = new Int32Array(n);
    this.leave = new Float64Array(n);
    this.join = new Float64Array(n);
    this.total = values.map((list) => new Int32Array(list.length));
  }

  size(v: number): number {
    return this.values[v]!.length;
  }
  at(v: number, t: number, c: number): number {
    return (this.start[v]! + c) * this.tables + t;
  }

  cost(i: number, x: number): number {
    const d = x - this.fair[i]!;
    const out = x < this.lo[i]! ? this.lo[i]! - x : x > this.hi[i]! ? x - this.hi[i]! : 0;
    return d * d + OUT_PENALTY * out * out;
  }

  private refresh(i: number): void {
    const x = this.count[i]!;
    const now = this.cost(i, x);
    this.leave[i] = this.cost(i, x - 1) - now;
    this.join[i] = this.cost(i, x + 1) - now;
  }

  /** Seat (sign 1) or unseat (sign -1) a unit at table t. */
  add(unit: Unit, t: number, sign: 1 | -1): void {
    for (let v = 0; v < this.values.length; v++) {
      const cats = unit.cats[v]!;
      for (let k = 0; k < cats.length; k += 2) {
        const i = this.at(v, t, cats[k]!);
        this.count[i]! += sign * cats[k + 1]!;
        this.refresh(i);
      }
    }
  }

  /** Fair shares n_c · seats_t / S of the given seated units. */
  setFairShares(seated: readonly Unit[], seats: readonly number[], totalSeats: number): void {
    for (const total of this.total) total.fill(0);
    for (const unit of seated) {
      for (let v = 0; v < this.values.length; v++) {
        const cats = unit.cats[v]!;
        for (let k = 0; k < cats.length; k += 2) this.total[v]![cats[k]!]! += cats[k + 1]!;
      }
    }
    for (let v = 0; v < this.values.length; v++) {
      for (let t = 0; t < this.tables; t++) {
        for (let c = 0; c < this.size(v); c++) {
          const i = this.at(v, t, c);
          const f = totalSeats > 0 ? (this.total[v]![c]! * seats[t]!) / totalSeats : 0;
          this.fair[i] = f;
          this.lo[i] = Math.floor(f + EPS);
          this.hi[i] = Math.ceil(f - EPS);
          this.refresh(i);
        }
      }
    }
  }

  /** Change of table t's objective when unit `out` leaves it and `inn` joins it. */
  delta(t: number, out: Unit | null, inn: Unit | null): number {
    let delta = 0;
    for (let v = 0; v < this.values.length; v++) {
      const oc = out ? out.cats[v]! : NO_CATS;
      const ic = inn ? inn.cats[v]! : NO_CATS;
      for (let k = 0; k < oc.length; k += 2) {
        const c = oc[k]!;
        let net = -oc[k + 1]!;
        for (let j = 0; j < ic.length; j += 2) if (ic[j] === c) net += ic[j + 1]!;
        if (net !== 0) {
          const i = this.at(v, t, c);
          delta += this.cost(i, this.count[i]! + net) - this.cost(i, this.count[i]!);
        }
      }
      for (let j = 0; j < ic.length; j += 2) {
        const c = ic[j]!;
        let shared = false;
        for (let k = 0; k < oc.length; k += 2) if (oc[k] === c) shared = true;
        if (!shared) {
          const i = this.at(v, t, c);
          delta += this.cost(i, this.count[i]! + ic[j + 1]!) - this.cost(i, this.count[i]!);
        }
      }
    }
    return delta;
  }

  totalCost(): number {
    let sum = 0;
    for (let i = 0; i < this.count.length; i++) sum += this.cost(i, this.count[i]!);
    return sum;
  }

  /** Counts of district, age group and gender outside their band, as [variable, table, category]. */
  outOfBand(): [number, number, number][] {
    const bad: [number, number, number][] = [];
    for (let v = 1; v < this.values.length; v++) {
      for (let t = 0; t < this.tables; t++) {
        for (let c = 0; c < this.size(v); c++) {
          const i = this.at(v, t, c);
          if (this.count[i]! < this.lo[i]! || this.count[i]! > this.hi[i]!) bad.push([v, t, c]);
        }
      }
    }
    return bad;
  }
}

const NO_CATS: number[] = [];

// ───────────────────────────── the engine ─────────────────────────────

/** Seat the people; see the module comment for the method and its guarantees. */
export function assignTables(input: SeatingInput): SeatingResult {
  const { people } = input;
  // Tables in id order inside, so that the order of the input list changes nothing.
  const tables = [...input.tables].sort((a, b) => byCodeUnits(a.id, b.id));
  const mode: SeatingMode = input.mode ?? 'keep';
  const maxPasses = input.maxPasses ?? 50;
  const maxKicks = input.maxKicks ?? 40;
  const seed = String(input.seed);
  const T = tables.length;

  // ── tables, people, pins, previous seats ──
  const tableIndex = new Map<string, number>();
  tables.forEach((table, t) => {
    if (tableIndex.has(table.id)) throw new TypeError(`Table id "${table.id}" appears twice.`);
    if (!Number.isInteger(table.seats) || table.seats < 0) throw new TypeError(`Table "${table.id}" has ${table.seats} seats.`);
    tableIndex.set(table.id, t);
  });
  const personIndex = new Map<string, number>();
  people.forEach((person, p) => {
    if (personIndex.has(person.id)) throw new TypeError(`Person id "${person.id}" appears twice.`);
    personIndex.set(person.id, p);
  });
  const seats = tables.map((table) => table.seats);
  const accessible = Uint8Array.from(tables, (table) => (table.accessible === true ? 1 : 0));
  const totalSeats = seats.reduce((a, b) => a + b, 0);
  const maxSeats = Math.max(0, ...seats);
  const maxAccessibleSeats = Math.max(0, ...seats.filter((_, t) => accessible[t]));

  const ignoredPins: SeatingResult['ignoredPins'] = [];
  const pinOf = new Int32Array(people.length).fill(-1);
  const pinOrder = new Int32Array(people.length).fill(-1);
  (input.pins ?? []).forEach((pin, order) => {
    const p = personIndex.get(pin.personId);
    const t = tableIndex.get(pin.tableId);
    if (p === undefined) ignoredPins.push({ personId: pin.personId, tableId: pin.tableId, reason: 'unknown-person' });
    else if (t === undefined) ignoredPins.push({ personId: pin.personId, tableId: pin.tableId, reason: 'unknown-table' });
    else {
      pinOf[p] = t; // a later pin for the same person wins: staff moved them again
      pinOrder[p] = order;
    }
  });
  const prevOf = Int32Array.from(people, (person) => (person.seatedAt == null ? -1 : (tableIndex.get(person.seatedAt) ?? -1)));
  const usePrev = mode !== 'fresh';

  // ── balance variables ──
  const hasGender = people.some((person) => person.gender != null && person.gender !== '');
  const valueOf: ((person: SeatingPerson) => string | null)[] = [
    () => '',
    (person) => person.district,
    (person) => person.ageGroup,
    ...(hasGender ? [(person: SeatingPerson) => (person.gender == null || person.gender === '' ? null : person.gender)] : []),
  ];
  const NV = valueOf.length;
  const values = valueOf.map((get, v) =>
    v === 0 ? [''] : [...new Set(people.map(get).filter((x): x is string => x !== null))].sort(byCodeUnits),
  );
  const categoryOf: Int32Array[] = valueOf.map((get, v) => {
    const index = new Map(values[v]!.map((x, c) => [x, c]));
    return Int32Array.from(people, (person) => {
      const x = get(person);
      return x === null ? -1 : index.get(x)!;
    });
  });
  const balance = new Balance(values, T);

  // ── 1. units ──
  const units: Unit[] = [];
  const profiles = new Map<string, number>();
  const makeUnit = (key: string, members: number[], pin: number): Unit => {
    const cats = categoryOf.map((categories) => {
      const counts = new Map<number, number>();
      for (const m of members) if (categories[m]! >= 0) counts.set(categories[m]!, (counts.get(categories[m]!) ?? 0) + 1);
      return [...counts].sort((a, b) => a[0] - b[0]).flat();
    });
    const needsAccess = members.some((m) => people[m]!.needsAccessibleTable === true);
    // In `fresh` mode previous seats play no part in any decision (only in the `moved` report).
    const prevCounts = new Map<number, number>();
    if (usePrev) for (const m of members) if (prevOf[m]! >= 0) prevCounts.set(prevOf[m]!, (prevCounts.get(prevOf[m]!) ?? 0) + 1);
    let prev = -1;
    let most = 0;
    for (const [t, k] of prevCounts) if (k > most) [prev, most] = [t, k];
    const profileKey = `${needsAccess}|${cats.map((c) => c.join(',')).join('|')}`;
    if (!profiles.has(profileKey)) profiles.set(profileKey, profiles.size);
    return {
      id: units.length,
      key,
      members,
      size: members.length,
      needsAccess,
      pin,
      prev,
      prevSeated: [...prevCounts.values()].reduce((a, b) => a + b, 0),
      prevAt: [...prevCounts].flat(),
      cats,
      profile: profiles.get(profileKey)!,
      rank: hash32(`${seed}\u0000${key}`),
      arrival: members[0]!,
      locked: false,
      reason: null,
    };
  };
  const groups = new Map<string, number[]>();
  people.forEach((person, p) => {
    const key = person.companionGroup == null || person.companionGroup === '' ? `p\u0000${person.id}` : `g\u0000${person.companionGroup}`;
    const list = groups.get(key);
    if (list) list.push(p);
    else groups.set(key, [p]);
  });
  for (const [key, members] of groups) {
    const pinned = members.filter((m) => pinOf[m]! >= 0);
    if (pinned.length === 0) {
      units.push(makeUnit(key, members, -1));
      continue;
    }
    // Split by pinned table; unpinned members follow the group's first pin.
    const first = pinned.reduce((a, b) => (pinOrder[b]! < pinOrder[a]! ? b : a));
    const byTable = new Map<number, number[]>();
    for (const m of members) {
      const t = pinOf[m]! >= 0 ? pinOf[m]! : pinOf[first]!;
      const list = byTable.get(t);
      if (list) list.push(m);
      else byTable.set(t, [m]);
    }
    for (const [t, list] of byTable) units.push(makeUnit(byTable.size === 1 ? key : `${key}\u0000${tables[t]!.id}`, list, t));
  }
  const U = units.length;
  const bySeed = (a: Unit, b: Unit) => a.rank - b.rank || byCodeUnits(a.key, b.key);
  const movedAt = (u: Unit, t: number): number => {
    let stay = 0;
    for (let k = 0; k < u.prevAt.length; k += 2) if (u.prevAt[k] === t) stay = u.prevAt[k + 1]!;
    return u.prevSeated - stay;
  };
  const fits = (u: Unit, t: number) => !u.needsAccess || accessible[t] === 1;

  // ── 2. who gets a seat ──
  const pinnedLoad = new Int32Array(T);
  const selected: Unit[] = [];
  const firstPin = (u: Unit) => Math.min(...u.members.map((m) => (pinOrder[m]! >= 0 ? pinOrder[m]! : Infinity)));
  for (const u of units.filter((x) => x.pin >= 0).sort((a, b) => firstPin(a) - firstPin(b))) {
    if (pinnedLoad[u.pin]! + u.size <= seats[u.pin]!) {
      pinnedLoad[u.pin]! += u.size;
      selected.push(u);
    } else {
      for (const m of u.members) if (pinOf[m]! >= 0) ignoredPins.push({ personId: people[m]!.id, tableId: tables[u.pin]!.id, reason: 'table-full' });
      u.pin = -1;
    }
  }
  const seatsLeft = totalSeats - pinnedLoad.reduce((a, b) => a + b, 0);
  const accessibleLeft = seats.reduce((a, s, t) => (accessible[t] ? a + s - pinnedLoad[t]! : a), 0);
  let plainTaken = 0;
  let accessTaken = 0;
  const candidates = units.filter((u) => u.pin < 0).sort((a, b) => Number(b.prev >= 0) - Number(a.prev >= 0) || a.arrival - b.arrival);
  for (const u of candidates) {
    if (u.size > 1 && totalSeats > 0 && u.size > maxSeats) u.reason = 'group-too-large';
    else if (u.needsAccess && (u.size > maxAccessibleSeats || accessTaken + u.size > accessibleLeft)) u.reason = 'no-accessible-seat';
    else if (plainTaken + accessTaken + u.size > seatsLeft) u.reason = 'no-seat';
    else {
      if (u.needsAccess) accessTaken += u.size;
      else plainTaken += u.size;
      selected.push(u);
    }
  }
  balance.setFairShares(selected, seats, totalSeats);

  // ── the room ──
  const tableOf = new Int32Array(U).fill(-1);
  const seatedAt: number[][] = Array.from({ length: T }, () => []);
  const occupied = balance.count; // variable 0, one category: index t
  const free = (t: number) => seats[t]! - occupied[t]!;
  const place = (u: Unit, t: number) => {
    tableOf[u.id] = t;
    seatedAt[t]!.push(u.id);
    balance.add(u, t, 1);
  };
  const unplace = (u: Unit) => {
    const t = tableOf[u.id]!;
    const list = seatedAt[t]!;
    list.splice(list.indexOf(u.id), 1);
    tableOf[u.id] = -1;
    balance.add(u, t, -1);
  };

  // ── 3. placement: pins, kept seats, then stratified dealing ──
  const tableOrder = Array.from({ length: T }, (_, t) => t).sort(
    (a, b) => hash32(`${seed}\u0001${tables[a]!.id}`) - hash32(`${seed}\u0001${tables[b]!.id}`) || a - b,
  );
  for (const u of selected) {
    if (u.pin < 0) continue;
    place(u, u.pin);
    u.locked = true;
  }
  const toPlace: Unit[] = [];
  for (const u of [...selected].sort((a, b) => a.arrival - b.arrival)) {
    if (u.pin >= 0) continue;
    if (u.prev >= 0 && fits(u, u.prev) && free(u.prev) >= u.size) {
      place(u, u.prev);
      u.locked = true; // `rebalance` unlocks it below
    } else toPlace.push(u);
  }
  const strata = new Map(toPlace.map((u) => [u, u.cats.slice(1).map((c) => c.join(',')).join('|')]));
  toPlace.sort(
    (a, b) => Number(b.needsAccess) - Number(a.needsAccess) || b.size - a.size || byCodeUnits(strata.get(a)!, strata.get(b)!) || bySeed(a, b),
  );

  /** How to make room for u at t by moving units that are not pinned to other tables: fewest moves of previously seated people, then fewest people displaced. */
  const roomPlan = (u: Unit, t: number): { moves: number; displaced: number; plan: [Unit, number][] } | null => {
    let need = u.size - free(t);
    const spare = seats.map((s, d) => s - occupied[d]!);
    const destination = (e: Unit) => {
      let best = -1;
      let bestMoves = Infinity;
      for (const d of tableOrder) {
        if (d === t || !fits(e, d) || spare[d]! < e.size) continue;
        const moves = movedAt(e, d) - movedAt(e, t);
        if (moves < bestMoves) [best, bestMoves] = [d, moves];
      }
      return { best, moves: bestMoves };
    };
    const options = seatedAt[t]!.map((id) => units[id]!)
      .filter((e) => e.pin < 0)
      .map((e) => ({ e, ...destination(e) }))
      .filter((option) => option.best >= 0) // nowhere to go now means nowhere later in this plan
      .sort((a, b) => a.moves / a.e.size - b.moves / b.e.size || b.e.size - a.e.size || bySeed(a.e, b.e));
    const plan: [Unit, number][] = [];
    let moves = 0;
    let displaced = 0;
    for (const option of options) {
      if (need <= 0) break;
      // seats promised earlier in this plan may have taken the first choice
      const d = option.best >= 0 && spare[option.best]! >= option.e.size ? option.best : destination(option.e).best;
      if (d < 0) continue;
      spare[d]! -= option.e.size;
      plan.push([option.e, d]);
      moves += movedAt(option.e, d) - movedAt(option.e, t);
      displaced += option.e.size;
      need -= option.e.size;
    }
    return need <= 0 ? { moves, displaced, plan } : null;
  };

  let dealer = 0; // round-robin pointer into tableOrder: ties go to the next table in turn
  for (const u of toPlace) {
    // A table with room: fewest moves (0 for a newcomer), then least added to the objective.
    let best = -1;
    let bestMoves = Infinity;
    let bestDelta = Infinity;
    for (let k = 0; k < T; k++) {
      const t = tableOrder[(dealer + k) % T]!;
      if (!fits(u, t) || free(t) < u.size) continue;
      const moves = movedAt(u, t);
      const delta = balance.delta(t, null, u);
      if (moves < bestMoves || (moves === bestMoves && delta < bestDelta - EPS)) [best, bestMoves, bestDelta] = [t, moves, delta];
    }
    // No table has room, or the unit had seats and moving others may move fewer people.
    let plan: ReturnType<typeof roomPlan> = null;
    if (bestMoves > 0) {
      for (const t of tableOrder) {
        if (!fits(u, t) || free(t) >= u.size) continue;
        const option = roomPlan(u, t);
        if (!option) continue;
        const moves = option.moves + movedAt(u, t);
        if (moves < bestMoves || (moves === bestMoves && plan && option.displaced < plan.displaced)) [best, bestMoves, plan] = [t, moves, option];
      }
    }
    if (best < 0) {
      u.reason = 'no-table-for-group';
      continue;
    }
    for (const [e, d] of plan?.plan ?? []) {
      unplace(e);
      place(e, d);
      e.locked = false; // it moved anyway: the exchange may seat it better
    }
    place(u, best);
    dealer = (tableOrder.indexOf(best) + 1) % T;
  }
  const seatedUnits = selected.filter((u) => tableOf[u.id]! >= 0);
  // Fair shares count only the people who got a seat.
  if (seatedUnits.length < selected.length) {
    balance.setFairShares(seatedUnits, seats, totalSeats);
  }

  // ── 4. exchange ──
  const rebalance = mode === 'rebalance';
  if (rebalance) for (const u of seatedUnits) if (u.pin < 0) u.locked = false;
  let movedNow = seatedUnits.reduce((a, u) => a + movedAt(u, tableOf[u.id]!), 0);
  const prevSeatedTotal = seatedUnits.reduce((a, u) => a + u.prevSeated, 0);
  const moveBudget = rebalance ? movedNow + (input.maxMoves ?? Math.ceil(prevSeatedTotal / 10)) : Infinity;
  const moveCost = (u: Unit, from: number, to: number) => (rebalance ? movedAt(u, to) - movedAt(u, from) : 0);
  const movable = seatedUnits.filter((u) => !u.locked).sort(bySeed);

  // Hot fields of the movable units, for the exchange's inner loop.
  const M = movable.length;
  // a single person's category per variable, as the index of table 0 in the balance arrays (-1: none)
  const base = new Int32Array(M * NV).fill(-1);
  const isSingle = new Uint8Array(M);
  movable.forEach((u, j) => {
    if (u.size !== 1) return;
    isSingle[j] = 1;
    for (let v = 0; v < NV; v++) {
      const c = categoryOf[v]![u.members[0]!]!;
      if (c >= 0) base[j * NV + v] = balance.at(v, 0, c);
    }
  });
  const sizeOf = Int32Array.from(movable, (u) => u.size);
  const seatCount = Int32Array.from(seats);
  const accessOf = Uint8Array.from(movable, (u) => (u.needsAccess ? 1 : 0));
  const profileOf = Int32Array.from(movable, (u) => u.profile);
  const slot = new Int32Array(U).fill(-1);
  movable.forEach((u, j) => (slot[u.id] = j));
  const { leave, join } = balance;

  /** Objective change when single j (at A) and single k (at B) trade places. */
  const swapSingles = (j: number, A: number, k: number, B: number): number => {
    let delta = 0;
    for (let v = 1; v < NV; v++) {
      const bj = base[j * NV + v]!;
      const bk = base[k * NV + v]!;
      if (bj === bk) continue;
      if (bj >= 0) delta += leave[bj + A]! + join[bj + B]!;
      if (bk >= 0) delta += join[bk + A]! + leave[bk + B]!;
    }
    return delta;
  };

  /**
   * The exchange method to a local optimum: each active unit takes its best improving move or
   * swap; a change re-activates the units at both tables; when none is active, one pass over
   * all units confirms that no move or swap improves the objective (or the work goes on).
   * Without `verify` it stops when none is active (a move *into* a changed table from a table
   * that did not change may be missed): cheap, for the kicks, which verify once at the end.
   */
  const active = new Uint8Array(M);
  const exchange = (initiallyActive: (j: number) => boolean, verify: boolean) => {
    for (let j = 0; j < M; j++) active[j] = initiallyActive(j) ? 1 : 0;
    let verifying = false;
    for (let pass = 0; pass < maxPasses; pass++) {
      if (verifying) active.fill(1);
      // a pass that examines every unit and improves nothing is the confirmation
      const everyone = verifying || !active.includes(0);
      let improved = false;
      for (let j = 0; j < M; j++) {
        if (!active[j]) continue;
        active[j] = 0;
        const u = movable[j]!;
        const A = tableOf[u.id]!;
        const single = isSingle[j] === 1;
        const sizeU = sizeOf[j]!;
        const accessU = accessOf[j] === 1;
        const profileU = profileOf[j]!;
        let bestDelta = -EPS;
        let bestTable = -1;
        let partner = -1;
        const leaveA = single ? 0 : balance.delta(A, u, null);
        for (let B = 0; B < T; B++) {
          if (B === A || (accessU && !accessible[B]) || seatCount[B]! - occupied[B]! < sizeU) continue;
          const dm = moveCost(u, A, B);
          if (movedNow + dm > moveBudget) continue;
          let delta = MOVE_COST * dm;
          if (single) {
            for (let v = 0; v < NV; v++) {
              const b = base[j * NV + v]!;
              if (b >= 0) delta += leave[b + A]! + join[b + B]!;
            }
          } else delta += leaveA + balance.delta(B, null, u);
          if (delta < bestDelta) {
            bestDelta = delta;
            bestTable = B;
            partner = -1;
          }
        }
        const freeA = seatCount[A]! - occupied[A]!;
        for (let B = 0; B < T; B++) {
          if (B === A || (accessU && !accessible[B])) continue;
          const freeB = seatCount[B]! - occupied[B]!;
          const here = seatedAt[B]!;
          for (let h = 0; h < here.length; h++) {
            const k = slot[here[h]!]!;
            if (k < 0 || profileOf[k] === profileU) continue;
            if (accessOf[k] === 1 && !accessible[A]) continue;
            const sizeW = sizeOf[k]!;
            if (sizeW !== sizeU && (freeA + sizeU < sizeW || freeB + sizeW < sizeU)) continue;
            let delta: number;
            if (rebalance) {
              const dm = moveCost(u, A, B) + moveCost(movable[k]!, B, A);
              if (movedNow + dm > moveBudget) continue;
              delta = MOVE_COST * dm;
            } else delta = 0;
            delta += single && isSingle[k] === 1 ? swapSingles(j, A, k, B) : balance.delta(A, u, movable[k]!) + balance.delta(B, movable[k]!, u);
            if (delta < bestDelta) {
              bestDelta = delta;
              bestTable = B;
              partner = k;
            }
          }
        }
        if (bestTable < 0) continue;
        const w = partner >= 0 ? movable[partner]! : null;
        movedNow += moveCost(u, A, bestTable) + (w ? moveCost(w, bestTable, A) : 0);
        unplace(u);
        if (w) {
          unplace(w);
          place(w, A);
        }
        place(u, bestTable);
        for (const id of seatedAt[A]!) if (slot[id]! >= 0) active[slot[id]!] = 1;
        for (const id of seatedAt[bestTable]!) if (slot[id]! >= 0) active[slot[id]!] = 1;
        improved = true;
      }
      if (everyone && !improved) break;
      verifying = !active.includes(1);
      if (verifying && !verify) break;
    }
  };
  exchange(() => true, true);

  // ── 5. kicks: iterated local search while a count is outside its band ──
  let bad = balance.outOfBand();
  if (maxKicks > 0 && bad.length > 0 && M > 1) {
    const random = prng(hash32(`${seed}\u0002kicks`));
    const pick = <X>(list: X[]): X | undefined => list[Math.floor(random() * list.length)];
    const restore = (saved: Int32Array) => {
      for (const u of movable) unplace(u);
      movable.forEach((u, j) => place(u, saved[j]!));
    };
    const snapshot = () => Int32Array.from(movable, (u) => tableOf[u.id]!);
    let best = snapshot();
    let bestBad = bad.length;
    let bestCost = balance.totalCost() + MOVE_COST * movedNow;
    let bestMoved = movedNow;
    for (let kick = 0; kick < maxKicks && bestBad > 0; kick++) {
      const [v, t, c] = pick(bad)!;
      const i = balance.at(v, t, c);
      const over = balance.count[i]! > balance.hi[i]!;
      const holds = (j: number) => {
        const cats = movable[j]!.cats[v]!;
        for (let k = 0; k < cats.length; k += 2) if (cats[k] === c) return true;
        return false;
      };
      const indices = movable.map((_, j) => j);
      // over: send a holder of c away from t; under: bring one in
      const first = pick(indices.filter((j) => (tableOf[movable[j]!.id] === t) === over && holds(j)));
      if (first === undefined) continue;
      const A = tableOf[movable[first]!.id]!;
      const second = pick(
        indices.filter((k) => {
          const B = tableOf[movable[k]!.id]!;
          return (over ? B !== t : B === t) && B !== A && sizeOf[k] === sizeOf[first] && fits(movable[k]!, A) && fits(movable[first]!, B);
        }),
      );
      if (second === undefined) continue;
      const B = tableOf[movable[second]!.id]!;
      const dm = moveCost(movable[first]!, A, B) + moveCost(movable[second]!, B, A);
      if (movedNow + dm > moveBudget) continue;
      movedNow += dm;
      unplace(movable[first]!);
      unplace(movable[second]!);
      place(movable[first]!, B);
      place(movable[second]!, A);
      exchange((j) => {
        const at = tableOf[movable[j]!.id];
        return at === A || at === B;
      }, false);
      bad = balance.outOfBand();
      const now = balance.totalCost() + MOVE_COST * movedNow;
      if (bad.length < bestBad || (bad.length === bestBad && now < bestCost - EPS)) {
        [best, bestBad, bestCost, bestMoved] = [snapshot(), bad.length, now, movedNow];
      } else {
        restore(best);
        movedNow = bestMoved;
        bad = balance.outOfBand();
      }
    }
    // Confirm the local optimum; keep it only if it leaves no more counts outside their band.
    exchange(() => true, true);
    if (balance.outOfBand().length > bestBad) {
      restore(best);
      movedNow = bestMoved;
    }
  }

  // ── result ──
  const tableOfPerson = new Int32Array(people.length).fill(-1);
  const reasonOf = new Map<number, UnseatedReason>();
  const pinnedPerson = new Uint8Array(people.length);
  for (const u of units) {
    for (const m of u.members) {
      if (tableOf[u.id]! >= 0) tableOfPerson[m] = tableOf[u.id]!;
      else reasonOf.set(m, u.reason ?? 'no-seat');
      if (u.pin >= 0 && pinOf[m]! >= 0) pinnedPerson[m] = 1;
    }
  }
  const result: SeatingResult = {
    seats: [],
    unseated: [],
    shortfall: Math.max(0, people.length - totalSeats),
    ignoredPins,
    moved: [],
    tables: [],
    balance: { worstDeviation: 0, outOfBand: balance.outOfBand().length, cost: round3(balance.totalCost()) },
  };
  people.forEach((person, p) => {
    const t = tableOfPerson[p]!;
    const moved = prevOf[p]! >= 0 && prevOf[p] !== t;
    if (moved) result.moved.push(person.id);
    if (t >= 0) result.seats.push({ personId: person.id, tableId: tables[t]!.id, moved, pinned: pinnedPerson[p] === 1 });
    else result.unseated.push({ personId: person.id, reason: reasonOf.get(p)! });
  });
  let worst = 0;
  const figures = (v: number, t: number): CategoryBalance[] =>
    values[v]!.flatMap((value, c) => {
      if (balance.total[v]![c] === 0) return [];
      const i = balance.at(v, t, c);
      worst = Math.max(worst, Math.abs(balance.count[i]! - balance.fair[i]!));
      return [{ value, count: balance.count[i]!, fair: round3(balance.fair[i]!), min: balance.lo[i]!, max: balance.hi[i]! }];
    });
  input.tables.forEach((table) => {
    const t = tableIndex.get(table.id)!;
    const row: TableBalance = {
      tableId: table.id,
      seats: seats[t]!,
      accessible: accessible[t] === 1,
      seated: occupied[t]!,
      fairSeated: round3(balance.fair[t]!),
      district: figures(1, t),
      ageGroup: figures(2, t),
    };
    if (table.topic !== undefined) row.topic = table.topic;
    if (hasGender) row.gender = figures(3, t);
    result.tables.push(row);
  });
  result.balance.worstDeviation = round3(worst);
  return result;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
