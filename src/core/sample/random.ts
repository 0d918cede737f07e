/**
 * Deterministic sample data for demos, tests and benchmarks: the same seed gives the same
 * workbook everywhere, so a failure can be replayed from its seed.
 */

/** mulberry32: a small, fast, seedable generator (same seed → same sequence everywhere). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Draw {
  readonly rnd: () => number;
  readonly pick: <T>(xs: readonly T[]) => T;
  readonly chance: (p: number) => boolean;
}

/** A seeded source with the three draws sample generators need. */
export function draw(seed: number): Draw {
  const rnd = seededRandom(seed);
  return { rnd, pick: (xs) => xs[Math.floor(rnd() * xs.length)], chance: (p) => rnd() < p };
}

const SURNAMES = [
  "张",
  "李",
  "王",
  "刘",
  "陈",
  "杨",
  "赵",
  "黄",
  "周",
  "吴",
  "徐",
  "孙",
  "胡",
  "朱",
  "高",
  "林",
  "何",
  "郭",
  "马",
  "罗",
];
const GIVEN = [
  "伟",
  "芳",
  "娜",
  "敏",
  "静",
  "磊",
  "洋",
  "勇",
  "军",
  "杰",
  "涛",
  "明",
  "超",
  "强",
  "平",
  "刚",
  "辉",
  "鹏",
  "华",
  "飞",
];

/** `wanted` distinct Chinese personal names, e.g. 张伟, 李芳华. */
export function sampleNames(d: Draw, wanted: number): string[] {
  const people: string[] = [];
  while (people.length < wanted) {
    const name = d.pick(SURNAMES) + d.pick(GIVEN) + (d.chance(0.5) ? d.pick(GIVEN) : "");
    if (!people.includes(name)) people.push(name);
  }
  return people;
}
