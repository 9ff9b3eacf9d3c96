// Copies every share from one store to another (SQLite -> PostgreSQL): ids, secret hashes, versions,
// times, expiry and tombstones as they are. Each share is one transaction on the target, and a share
// the target already holds at the same version and time is skipped, so a run that stopped (network,
// Ctrl-C) resumes where it was by simply running again. A share synced on the source since the last
// run is copied afresh.
import "server-only";
import type { Store, StoredShare } from "./types";

export type CopyProgress = { copied: number; skipped: number; total: number };

const PAGE = 200;

const sameShare = (a: StoredShare, b: StoredShare) =>
  a.version === b.version && a.updatedAt === b.updatedAt && a.deletedAt === b.deletedAt && a.expiresAt === b.expiresAt && a.bytes === b.bytes;

export async function copyShares(
  source: Store,
  target: Store,
  onShare: (share: StoredShare, action: "copied" | "skipped", progress: CopyProgress) => void = () => {},
): Promise<CopyProgress> {
  const progress: CopyProgress = { copied: 0, skipped: 0, total: 0 };
  for (let after: string | undefined; ; ) {
    const page = await source.listShares({ after, limit: PAGE });
    for (const share of page) {
      progress.total++;
      const existing = await target.getShare(share.id);
      if (existing && sameShare(existing, share) && existing.secretHash === share.secretHash) {
        progress.skipped++;
        onShare(share, "skipped", progress);
        continue;
      }
      // Items are read after the row; if a sync landed in between, read both again, so the copy never
      // pairs new items with an old version (which the next run would then wrongly skip).
      let row = share;
      let items = [] as Awaited<ReturnType<Store["listItems"]>>;
      for (let attempt = 0; attempt < 5; attempt++) {
        items = row.deletedAt === null ? await source.listItems(row.id) : [];
        const again = await source.getShare(row.id);
        if (!again || sameShare(again, row)) break;
        row = again;
      }
      await target.importShare(row, items);
      progress.copied++;
      onShare(row, "copied", progress);
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1].id;
  }
  return progress;
}
