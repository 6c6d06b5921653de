import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/engine/check";
import { lazyList } from "../../src/workbook/lazy-list";
import { tableFromValues } from "../../src/workbook/range-grid";
import { readWorkbook } from "../../src/workbook/read-workbook";
import { fundsGrid, holdingsGrid } from "../../bench/data";

const own = (list: unknown[], k: number) => Object.prototype.hasOwnProperty.call(list, k);
/** The elements made so far: own elements of the array (reading them would make them). */
const made = (list: unknown[]) => [...Array(list.length).keys()].filter((k) => own(list, k)).length;

describe("a list whose elements are made when read (lazyList)", () => {
  it("is an array of every element, made a block at a time when first read", () => {
    const calls: number[] = [];
    const { list, unmade, nextMade } = lazyList(1000, (k) => (calls.push(k), { k }));
    expect(Array.isArray(list)).toBe(true);
    expect(list instanceof Array).toBe(true);
    expect(list).toHaveLength(1000);
    expect(calls).toHaveLength(0);
    expect(list[700]).toEqual({ k: 700 });
    expect(list[700]).toBe(list[700]);
    expect(calls).toHaveLength(256);
    expect([unmade(700), unmade(10), unmade(1000)]).toEqual([false, true, false]);
    expect([nextMade(0), nextMade(600), nextMade(700), nextMade(800)]).toEqual([512, 600, 700, 1000]);
    expect(999 in list).toBe(true);
    expect(1000 in list).toBe(false);
    expect(list[1000]).toBeUndefined();
    expect(list.map((e) => e.k)).toEqual([...Array(1000).keys()]);
    expect(calls).toHaveLength(1000);
    expect(Object.getPrototypeOf(list)).toBe(Array.prototype);
    expect(made(list)).toBe(1000);
  });

  it("keeps a value written before its block was made, and makes the others of the block", () => {
    const { list, unmade } = lazyList(600, (k) => ({ k }));
    list[300] = { k: -1 };
    expect(unmade(300)).toBe(false);
    expect(list[300]).toEqual({ k: -1 });
    expect(list[301]).toEqual({ k: 301 });
    expect(made(list)).toBe(256);
    expect(list.slice(299, 302).map((e) => e.k)).toEqual([299, -1, 301]);
    expect([...list].map((e) => e.k).filter((k) => k < 0)).toEqual([-1]);
  });

  it("gives every element to the array methods, iteration and JSON, and makes all at once on demand", () => {
    const a = lazyList(700, (k) => k * 2);
    expect(a.list.slice()).toEqual([...Array(700).keys()].map((k) => k * 2));
    const b = lazyList(700, (k) => k * 2);
    expect(JSON.parse(JSON.stringify(b.list))).toEqual(a.list);
    const c = lazyList(700, (k) => k * 2);
    expect(Array.from(c.list)).toEqual(a.list);
    expect(c.list.indexOf(1398)).toBe(699);
    const d = lazyList(700, (k) => k * 2);
    d.madeAll();
    expect(made(d.list)).toBe(700);
    expect(Object.keys(d.list)).toHaveLength(700);
    const e = lazyList(700, (k) => k * 2);
    e.list.length = 300;
    expect(e.list.reduce((s, x) => s + x, 0)).toBe(299 * 300);
    expect(e.list).toHaveLength(300);
    expect(lazyList(0, (k) => k).list).toEqual([]);
  });

  it("has no slot of its own before an element is made, and keeps what is written past its end", () => {
    const a = lazyList(700, (k) => k * 2);
    expect(Object.keys(a.list)).toHaveLength(0);
    a.list.push(-1);
    expect(a.list).toHaveLength(701);
    expect(a.list[5]).toBe(10);
    expect(a.list[700]).toBe(-1);
    expect(a.list.slice(698)).toEqual([1396, 1398, -1]);
    const b = lazyList(700, (k) => k * 2);
    b.list.length = 10;
    expect(b.list[9]).toBe(18);
    expect(b.list).toEqual([...Array(10).keys()].map((k) => k * 2));
  });
});

describe("the holdings of a large read", () => {
  it("are made only where read, and a check gives the same report as with every holding made", () => {
    const tables = () => ({
      Funds: tableFromValues("Funds", fundsGrid(2)),
      Holdings: tableFromValues("Holdings", holdingsGrid(3000, 2)),
    });
    const lazy = readWorkbook(tables());
    const all = readWorkbook(tables());
    // A copy of the list: the same holdings, each made, read through their fields.
    all.holdings = [...all.holdings];
    // One fund, as the bench's: its rules read the columns, and make few holdings.
    const one = readWorkbook({
      Funds: tableFromValues("Funds", fundsGrid(1)),
      Holdings: tableFromValues("Holdings", holdingsGrid(3000, 1)),
    });
    const report = checkWorkbook(one, { asOf: "2025-12-31" });
    // Not one: the check finds the read's columns from the list itself (COLUMNS_OF_LIST).
    expect(made(one.holdings)).toBe(0);
    expect(one.holdings.map((h) => h.lineId)).toEqual([...Array(3000).keys()].map((k) => `L${k}`));
    expect(report.funds[0].rules.length).toBeGreaterThan(0);
    for (const positions of [false, true])
      expect(checkWorkbook(lazy, { asOf: "2025-12-31", positions })).toEqual(
        checkWorkbook(all, { asOf: "2025-12-31", positions }),
      );
  });
});
