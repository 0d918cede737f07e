import { isLazyRows, lazyRows, rowChunks, rowsWidth } from "./lazyRows";

describe("lazyRows", () => {
  it("reads like an array, building each row on each read", () => {
    let built = 0;
    const rows = lazyRows(4, (i) => {
      built += 1;
      return [i, i * 10];
    });
    expect(built).toBe(0);
    expect(rows.length).toBe(4);
    expect(rows[2]).toEqual([2, 20]);
    expect(rows[4]).toBeUndefined();
    expect(rows.map((r) => r[0])).toEqual([0, 1, 2, 3]);
    expect([...rows]).toEqual([
      [0, 0],
      [1, 10],
      [2, 20],
      [3, 30],
    ]);
    expect(Array.isArray(rows)).toBe(true);
    expect(JSON.stringify(rows)).toBe("[[0,0],[1,10],[2,20],[3,30]]");
    expect(built).toBe(1 + 4 + 4 + 4);
    expect(isLazyRows(rows)).toBe(true);
    expect(isLazyRows([[1]])).toBe(false);
    expect(() => {
      (rows as unknown[])[0] = [9];
    }).toThrow(TypeError);
  });

  it("knows its width when told, else measures it", () => {
    expect(rowsWidth(lazyRows(1000, () => [1, 2, 3], 3))).toBe(3);
    expect(rowsWidth([[1], [1, 2, 3, 4], []])).toBe(4);
  });

  it("gives rows in chunks, one chunk at a time", () => {
    const rows = lazyRows(7, (i) => [i]);
    expect([...rowChunks(rows, 3)].map((c) => [c.start, c.rows.flat()])).toEqual([
      [0, [0, 1, 2]],
      [3, [3, 4, 5]],
      [6, [6]],
    ]);
  });
});
