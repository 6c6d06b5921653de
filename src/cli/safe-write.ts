import { randomBytes } from "node:crypto";
import {
  type BigIntStats,
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
} from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";

/** Why the command will not write where it was asked to. */
export type WriteRefusal =
  /** The output is one of the workbooks being checked (same file by path, link or inode). */
  | { kind: "input"; out: string; input: string }
  /** An existing file that is not a report the product wrote: never overwritten. */
  | { kind: "not-ours"; out: string }
  /** A report the product wrote earlier: replaced only with --force. */
  | { kind: "own-report"; out: string }
  | { kind: "directory"; out: string }
  | { kind: "no-folder"; out: string; folder: string };

function statOrUndefined(p: string): BigIntStats | undefined {
  try {
    return statSync(p, { bigint: true });
  } catch {
    return undefined;
  }
}

/**
 * Whether names in this folder are compared without case (macOS and Windows by default): the
 * folder's own name with its case swapped still reaches the same folder.
 */
function caseInsensitiveFolder(folder: string): boolean {
  const base = path.basename(folder);
  const swapped =
    base === base.toLowerCase() ? base.toUpperCase() : base.toLowerCase();
  if (swapped === base) return false;
  const other = statOrUndefined(path.join(path.dirname(folder), swapped));
  const self = statOrUndefined(folder);
  return Boolean(
    other && self && other.ino === self.ino && other.dev === self.dev,
  );
}

/** The real path of a file that may not exist yet: its folder's real path plus its name. */
function realPathOf(p: string): string {
  const abs = path.resolve(p);
  try {
    return realpathSync.native(abs);
  } catch {
    try {
      return path.join(
        realpathSync.native(path.dirname(abs)),
        path.basename(abs),
      );
    } catch {
      return abs;
    }
  }
}

/**
 * Two names for one file: the same device and inode (symbolic links, hard links, another
 * spelling of the path), or, where the file system gives no inode, the same real path,
 * compared without case on a folder that ignores case.
 */
export function sameFile(a: string, b: string): boolean {
  const sa = statOrUndefined(a);
  const sb = statOrUndefined(b);
  if (sa && sb && sa.ino !== 0n && sb.ino !== 0n)
    return sa.dev === sb.dev && sa.ino === sb.ino;
  const ra = realPathOf(a);
  const rb = realPathOf(b);
  if (ra === rb) return true;
  return (
    ra.toLowerCase() === rb.toLowerCase() &&
    caseInsensitiveFolder(path.dirname(ra))
  );
}

/**
 * Decides whether the command may write `out`: never over a workbook it reads, never over
 * a file it did not write itself, and over its own earlier report only with --force.
 * `isOwnReport` reads an existing file and says whether it carries the product's mark.
 */
export async function refusalToWrite(
  out: string,
  inputs: readonly string[],
  force: boolean,
  isOwnReport: (file: string) => Promise<boolean>,
): Promise<WriteRefusal | undefined> {
  if (statOrUndefined(out)?.isDirectory()) return { kind: "directory", out };
  const input = inputs.find((i) => sameFile(out, i));
  if (input !== undefined) return { kind: "input", out, input };
  let link;
  try {
    link = lstatSync(out);
  } catch {
    link = undefined;
  }
  if (!link) {
    const folder = path.dirname(path.resolve(out));
    if (!existsSync(folder) || !statSync(folder).isDirectory())
      return { kind: "no-folder", out, folder };
    return undefined;
  }
  const target = statOrUndefined(out);
  // A dangling link, or something that is not a file: not a report of ours.
  if (!target) return { kind: "not-ours", out };
  if (!target.isFile() || !(await isOwnReport(out)))
    return { kind: "not-ours", out };
  return force ? undefined : { kind: "own-report", out };
}

/** Writes the whole file at a path (here: the temporary file). Replaceable in tests to fail midway. */
export type FileWriter = (file: string, data: Uint8Array) => Promise<void>;

export const writeNewFile: FileWriter = (file, data) =>
  writeFile(file, data, { flag: "wx" });

/** Where a symbolic link leads, so that replacing it replaces the report, not the link. */
function resolveTarget(out: string): string {
  try {
    return realpathSync.native(out);
  } catch {
    return path.resolve(out);
  }
}

/**
 * Writes `data` to `out` through a temporary file in the same folder, flushed to disk and
 * then renamed over `out`: a crash or a failed write leaves any previous file whole, and the
 * temporary file is removed. When `out` did not exist, the rename never replaces a file that
 * appeared meanwhile (a hard link is made instead where the file system allows it).
 */
export async function writeFileAtomically(
  out: string,
  data: Uint8Array,
  writer: FileWriter = writeNewFile,
): Promise<void> {
  const target = resolveTarget(out);
  const existed = existsSync(target);
  const tmp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  try {
    await writer(tmp, data);
    const fd = openSync(tmp, "r+");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (existed) {
      // The replaced report keeps the permissions it had.
      chmodSync(tmp, statSync(target).mode & 0o7777);
      renameSync(tmp, target);
    } else placeNew(tmp, target);
    syncFolder(path.dirname(target));
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // Already gone (or never created).
    }
    throw e;
  }
}

/** Makes the rename itself durable where the system allows it (not on Windows, which cannot open a folder). */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, "r");
    fsyncSync(fd);
  } catch {
    // Best effort: the file's own content is already flushed.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Moves the temporary file to a name that was free: fails rather than replace a newcomer. */
function placeNew(tmp: string, target: string): void {
  try {
    linkSync(tmp, target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw e;
    // No hard links here (some network or FAT drives): a plain rename.
    renameSync(tmp, target);
    return;
  }
  unlinkSync(tmp);
}
