// The public stack pages are cached and shared (app/stacks/[slug]/page.tsx). A refresh that changes
// a vendor drops them through the vendor's tag (app/vendors/[slug]/cached-pages.ts); what the OWNER
// changes is dropped here, by path, from the action that made the change:
// - a watch added or removed, a watch's followed components changed: the owner's page, if public;
// - published, renamed, taken down: the old name's page (it must stop being served at once: the
//   owner took it down or moved it) and the new name's;
// - the account deleted: its page, read before the deletion takes the name away.
// A plan downgrade changes nothing here: it pauses watches (lib/data/watch-slots.ts) without
// removing them, and the page lists every watch. The private link (/s/{token}) is rendered per
// request, so revoking or replacing it has nothing to drop.
//
// In lib/, not beside the page like the vendor pages' drops: the Watch button's action
// (lib/actions/watch.ts, shared by components) calls it too, and lib/ never imports app/.
//
// By path rather than a per-owner tag: without 'use cache' (not enabled here) a page carries only
// the tags of the unstable_cache calls it makes while rendering, so an owner tag would mean keeping
// a second copy of the owner's watches in the data cache; and a name that answered 404 (nobody had
// it yet) carries no owner's tag at all. The path reaches the page whatever it showed. The price is
// one indexed read of the owner's name per change.
import { revalidatePath } from 'next/cache'
import { getStackPageSettings } from '@/lib/data/stack-pages'

/** The page paths of the names a change touched, without repeats; null (not public) has no page. */
export function stackPagePaths(slugs: readonly (string | null)[]): string[] {
  return [...new Set(slugs.flatMap((slug) => (slug ? [`/stacks/${slug}`] : [])))]
}

/** Drops the pages of these names at once (a literal path: the copy rendered for exactly that URL). */
export function dropStackPages(slugs: readonly (string | null)[]): void {
  for (const path of stackPagePaths(slugs)) revalidatePath(path)
}

/** The owner's public name now (null: not public): read before a change that may take it away. */
export async function publicStackSlug(userId: string): Promise<string | null> {
  return (await getStackPageSettings(userId)).slug
}

/** After a change to what the owner's stack shows (its watches): drops the owner's public page, if any. */
export async function dropOwnersStackPage(userId: string): Promise<void> {
  dropStackPages([await publicStackSlug(userId)])
}
