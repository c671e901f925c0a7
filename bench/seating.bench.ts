// The table assignment engine (server/domain/seating.ts, issue #16 item 3): time of one run and
// the balance it reaches, at 120 people / 12 tables, 300 / 30 and 1,000 / 100 (tables of 10, a
// quarter of them accessible, 15 % of people with a companion, 5 % needing an accessible table).
// Populations are seeded and built with a balanced witness seating (test/fixtures/
// seating-population.ts), so every count *can* be within ±1 of its fair share; "worst deviation"
// is the largest |count − fair share| seen over all runs, tables, districts, age groups and
// genders. Also: a re-run after 10 % late arrivals, in `keep` mode (nobody moves) and in
// `rebalance` mode (at most 10 % of the seated may move). Times are wall clock per run (median,
// p95) and the CPU time of the process per run (median): on a shared machine the wall clock
// includes waiting for a core, so the load average is printed too. Figures only; never fails.
//
//   node --import tsx bench/seating.bench.ts
import { loadavg } from 'node:os';
import { assignTables, type SeatingInput } from '../server/domain/seating.ts';
import { balancedPopulation } from '../test/fixtures/seating-population.ts';

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

function inputs(people: number, tables: number, count: number): SeatingInput[] {
  return Array.from({ length: count }, (_, i) => {
    const seed = 500 + i;
    const accessible = Array.from({ length: tables }, (_, t) => t).filter((t) => t % 4 === 0);
    const pop = balancedPopulation(seed, {
      people,
      seats: Array<number>(tables).fill(Math.ceil(people / tables)),
      accessible,
      withGender: i % 2 === 0,
      companionShare: 0.15,
      accessNeeds: Math.round(people * 0.05),
    });
    return { tables: pop.tables, people: pop.people, seed };
  });
}

function measure(label: string, list: SeatingInput[], runsEach: number) {
  for (const input of list.slice(0, 3)) assignTables(input); // warm up the JIT
  const times: number[] = [];
  const cpu: number[] = [];
  let worst = 0;
  let outOfBand = 0;
  let counts = 0;
  let unseated = 0;
  for (const input of list) {
    for (let r = 0; r < runsEach; r++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const result = assignTables({ ...input, seed: `${input.seed}/${r}` });
      times.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
      worst = Math.max(worst, result.balance.worstDeviation);
      outOfBand += result.balance.outOfBand;
      for (const row of result.tables) counts += row.district.length + row.ageGroup.length + (row.gender?.length ?? 0);
      unseated += result.unseated.length;
    }
  }
  const ms = (x: number) => `${x.toFixed(1).padStart(7)} ms`;
  console.log(
    `  ${label.padEnd(30)}${ms(quantile(times, 0.5))}${ms(quantile(times, 0.95))}${ms(quantile(cpu, 0.5))}` +
      `   ${worst.toFixed(2).padStart(5)}   ${`${outOfBand} of ${counts}`.padStart(14)}   ${String(unseated).padStart(3)}   (${times.length} runs)`,
  );
}

function rerun(list: SeatingInput[]): SeatingInput[] {
  return list.map((input) => {
    const early = input.people.slice(0, Math.floor(input.people.length * 0.9));
    const first = assignTables({ ...input, people: early });
    const at = new Map(first.seats.map((s) => [s.personId, s.tableId]));
    const late = input.people.slice(early.length).map((p) => ({ ...p, companionGroup: p.companionGroup ? `late-${p.companionGroup}` : null }));
    return { ...input, people: [...early.map((p) => ({ ...p, seatedAt: at.get(p.id) ?? null })), ...late] };
  });
}

console.log(`\nTable assignment, one run (load average ${loadavg()[0]!.toFixed(1)} on this machine)`);
console.log('  people / tables                 wall median  wall p95  CPU median   worst     out of band  unseated');
const small = inputs(120, 12, 20);
measure('120 / 12', small, 5);
measure('300 / 30', inputs(300, 30, 10), 3);
measure('1,000 / 100', inputs(1000, 100, 5), 2);
const late = rerun(small);
measure('120 / 12 re-run, keep', late, 5);
measure('120 / 12 re-run, rebalance', late.map((input) => ({ ...input, mode: 'rebalance' as const })), 5);
console.log('  worst = largest |count − fair share| seen; below 1 means every count was within ±1 (in its band ⌊fair⌋..⌈fair⌉);');
console.log('  out of band = table × category counts outside their band, of all counts, over all runs.');
