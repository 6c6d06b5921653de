import { createHash } from "node:crypto";
import type { NewHasher } from "../evidence/sha256";

/** SHA-256 from node:crypto (OpenSSL): the same digests as src/evidence/sha256.ts, faster. */
export const nodeSha256: NewHasher = () => {
  const h = createHash("sha256");
  return {
    update: (bytes) => void h.update(bytes),
    hex: () => h.digest("hex"),
  };
};
