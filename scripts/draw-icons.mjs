#!/usr/bin/env node
// Draws the add-in's icons into assets/: a deep-teal clipboard holding a checklist, with a small
// amber wrench over its lower right corner ("after-sales service appraisal").
//
//   node scripts/draw-icons.mjs          writes assets/icon-{16,32,64,80}.png
//   node scripts/draw-icons.mjs --check  exits 1 if any committed PNG differs from what it draws
//
// The 16 px icon is a hand-placed pixel map (crisp on the ribbon); 32 px and up are shapes in a
// 32-unit design grid rasterised with 8x8 supersampling per pixel. Only pngjs is used.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PNG } from "pngjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ASSETS = path.join(ROOT, "assets");
export const SIZES = [16, 32, 64, 80];

const COLORS = {
  teal: [0x0b, 0x5c, 0x63, 255], // brand: deep teal
  tealDark: [0x07, 0x3e, 0x43, 255],
  paper: [0xff, 0xff, 0xff, 255],
  line: [0x8f, 0xa3, 0xa6, 255],
  check: [0x0f, 0x8a, 0x7e, 255],
  amber: [0xe8, 0x8a, 0x12, 255],
  halo: [0xff, 0xff, 0xff, 255],
};

// ---- geometry: each shape answers "is the point (x, y) inside?" in design units ----
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
/** A thick segment with round caps (a capsule). */
const stroke = (x0, y0, x1, y1, w) => (x, y) => {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const t = Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy)));
  return (x - x0 - t * dx) ** 2 + (y - y0 - t * dy) ** 2 <= (w / 2) ** 2;
};
/** A polyline with round joins. */
const polyline = (points, w) =>
  union(...points.slice(1).map((p, i) => stroke(points[i][0], points[i][1], p[0], p[1], w)));
const union =
  (...shapes) =>
  (x, y) =>
    shapes.some((s) => s(x, y));
const minus = (a, b) => (x, y) => a(x, y) && !b(x, y);
/** Grows a shape by d units (tests a ring of 16 neighbours); used for the wrench's white halo. */
const grow = (shape, d) => (x, y) => {
  if (shape(x, y)) return true;
  for (let k = 0; k < 16; k++) {
    const a = (k / 16) * 2 * Math.PI;
    if (shape(x + d * Math.cos(a), y + d * Math.sin(a))) return true;
  }
  return false;
};

/**
 * A wrench lying from lower left to upper right: a handle, a round head at (hx, hy) with an open
 * jaw cut into it, facing up and to the right.
 */
function wrench(hx, hy, headR, handleW, tailX, tailY) {
  const head = circle(hx, hy, headR);
  const handle = stroke(tailX, tailY, hx, hy, handleW);
  // the jaw: a slot along the handle's axis, beyond the head's centre
  const ux = (hx - tailX) / Math.hypot(hx - tailX, hy - tailY);
  const uy = (hy - tailY) / Math.hypot(hx - tailX, hy - tailY);
  const jawW = headR * 0.9;
  const jaw = stroke(hx + ux * headR * 0.35, hy + uy * headR * 0.35, hx + ux * headR * 2, hy + uy * headR * 2, jawW);
  return minus(union(head, handle), jaw);
}

/**
 * The 16 px icon is drawn pixel by pixel: at that size any anti-aliased line turns to mush.
 * T board, D clip, W paper, G check mark, L text line, . transparent. The wrench (A) is laid
 * over it, with a one-pixel white halo where it crosses the board.
 */
const CLIPBOARD16 = [
  "...DDDDDD.......",
  "TTTDDDDDDTTT....",
  "TWWWWWWWWWWT....",
  "TWWWWWGWWWWT....",
  "TWWWWGWWWWWT....",
  "TWGWGWWLLLWT....",
  "TWWGWWWWWWWT....",
  "TWWWWWWWWWWT....",
  "TWWWWWGWWWWT....",
  "TWWWWGWWWWWT....",
  "TWGWGWWLLLWT....",
  "TWWGWWWWWWWT....",
  "TWWWWWWWWWWT....",
  "TWLLLLLWWWWT....",
  "TWWWWWWWWWWT....",
  "TTTTTTTTTTTT....",
];
const WRENCH16 = [
  "................",
  "................",
  "................",
  "................",
  "................",
  "................",
  "................",
  "................",
  ".............A.A",
  "............AAAA",
  "............AAA.",
  "...........AA...",
  "..........AA....",
  ".........AA.....",
  "........AA......",
  "........A.......",
];

function pixels16() {
  const palette = {
    T: COLORS.teal,
    D: COLORS.tealDark,
    W: COLORS.paper,
    G: COLORS.check,
    L: COLORS.line,
    A: COLORS.amber,
    H: COLORS.halo,
  };
  const at = (rows, x, y) => (y >= 0 && y < 16 && x >= 0 && x < 16 ? rows[y][x] : ".");
  const grid = CLIPBOARD16.map((row) => row.split(""));
  for (let y = 0; y < 16; y++) {
    for (let x = 0; x < 16; x++) {
      if (at(WRENCH16, x, y) === "A") grid[y][x] = "A";
      else if (
        grid[y][x] !== "." &&
        [
          [1, 0],
          [-1, 0],
          [0, 1],
          [0, -1],
        ].some(([dx, dy]) => at(WRENCH16, x + dx, y + dy) === "A")
      )
        grid[y][x] = "H";
    }
  }
  return grid.map((row) => row.map((c) => (c === "." ? [0, 0, 0, 0] : palette[c])));
}

/** Layers for 32 px and up, in a 32-unit grid. */
function layers32() {
  const board = roundRect(3, 4, 25, 31, 3);
  const paper = roundRect(6, 8, 22, 28, 1.2);
  const clip = union(roundRect(9.5, 1, 18.5, 7, 2), roundRect(7.5, 5, 20.5, 9, 1.2));
  const hole = circle(14, 4, 1.3);
  const row = (y) =>
    polyline(
      [
        [8.5, y],
        [10.5, y + 2],
        [13.5, y - 2],
      ],
      2,
    );
  const checks = union(row(13), row(19));
  const box = minus(roundRect(8, 22, 12, 26, 0.5), roundRect(9, 23, 11, 25, 0));
  const lines = union(roundRect(15, 12, 20, 14, 1), roundRect(15, 18, 20, 20, 1), roundRect(15, 23, 18, 25, 1));
  const w = wrench(26, 21, 4.4, 3.4, 18.5, 29.5);
  return [
    [board, COLORS.teal],
    [paper, COLORS.paper],
    [minus(clip, hole), COLORS.tealDark],
    [checks, COLORS.check],
    [box, COLORS.line],
    [lines, COLORS.line],
    [grow(w, 1.5), COLORS.halo],
    [w, COLORS.amber],
  ];
}

/** Rasterises layers (design grid `units` wide) into an RGBA PNG of `size` px. */
export function drawIcon(size) {
  if (size === 16) {
    const png = new PNG({ width: 16, height: 16, colorType: 6 });
    pixels16().forEach((row, y) => row.forEach((rgba, x) => png.data.set(rgba, (y * 16 + x) * 4)));
    return png;
  }
  const units = 32;
  const layers = layers32();
  const png = new PNG({ width: size, height: size, colorType: 6 });
  const SS = 8;
  const scale = units / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0; // premultiplied, 0..1
      for (const [shape, color] of layers) {
        let hits = 0;
        for (let sy = 0; sy < SS; sy++) {
          for (let sx = 0; sx < SS; sx++) {
            if (shape((px + (sx + 0.5) / SS) * scale, (py + (sy + 0.5) / SS) * scale)) hits++;
          }
        }
        if (hits === 0) continue;
        const ca = (hits / (SS * SS)) * (color[3] / 255);
        r = (color[0] / 255) * ca + r * (1 - ca);
        g = (color[1] / 255) * ca + g * (1 - ca);
        b = (color[2] / 255) * ca + b * (1 - ca);
        a = ca + a * (1 - ca);
      }
      const i = (py * size + px) * 4;
      png.data[i] = a > 0 ? Math.round((r / a) * 255) : 0;
      png.data[i + 1] = a > 0 ? Math.round((g / a) * 255) : 0;
      png.data[i + 2] = a > 0 ? Math.round((b / a) * 255) : 0;
      png.data[i + 3] = Math.round(a * 255);
    }
  }
  return png;
}

function pixelsOf(file) {
  return PNG.sync.read(fs.readFileSync(file)).data;
}

function main() {
  const check = process.argv.includes("--check");
  fs.mkdirSync(ASSETS, { recursive: true });
  let stale = 0;
  for (const size of SIZES) {
    const file = path.join(ASSETS, `icon-${size}.png`);
    const png = drawIcon(size);
    if (check) {
      const same = fs.existsSync(file) && Buffer.compare(pixelsOf(file), png.data) === 0;
      if (!same) {
        stale++;
        console.error(`${path.relative(ROOT, file)} differs from what scripts/draw-icons.mjs draws`);
      }
    } else {
      fs.writeFileSync(file, PNG.sync.write(png, { colorType: 6 }));
      console.log(`wrote ${path.relative(ROOT, file)} (${size}x${size})`);
    }
  }
  if (stale > 0) {
    console.error("Run `node scripts/draw-icons.mjs` and commit assets/.");
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
