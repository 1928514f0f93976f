'use server'

import { revalidatePath } from 'next/cache'
import { requireUser } from '@/lib/auth/session'
import { updateWatchPreferences } from '@/lib/data/watch-preferences'
import { NotFoundError } from '@/lib/errors'
import { failure, type FormState } from '@/lib/validation/form'
import { vendorSlugSchema, watchPreferencesSchema } from '@/lib/validation/watchlist'

/** Saves one watch's alert preferences. The watch is found by (session user, vendor slug). */
export async function saveWatchPreferencesAction(_prev: FormState | null, formData: FormData): Promise<FormState> {
  // The way back after signing in names this vendor: only a real slug goes into that redirect.
  const slug = vendorSlugSchema.safeParse(formData.get('vendor'))
  const user = await requireUser(slug.success ? `/watchlist/${slug.data}` : '/dashboard')
  const parsed = watchPreferencesSchema.safeParse({
    vendor: formData.get('vendor'),
    scope: formData.get('scope'),
    components: formData.getAll('components').filter((v) => typeof v === 'string'),
    minImpact: formData.get('minImpact'),
    maintenance: formData.get('maintenance'),
    delivery: formData.get('delivery'),
  })
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {}
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message)
    return failure(formData, [], { fieldErrors })
  }
  const p = parsed.data
  try {
    await updateWatchPreferences(user.id, p.vendor, {
      allComponents: p.scope === 'all',
      componentIds: p.components,
      minImpact: p.minImpact,
      maintenanceAlerts: p.maintenance,
      deliveryMode: p.delivery,
    })
  } catch (e) {
    if (e instanceof NotFoundError) return failure(formData, [], { formError: 'These settings are out of date (the watch or a component no longer exists). Reload the page.' })
    console.error('[watchlist] saving preferences failed:', e)
    return failure(formData, [], { formError: 'Something went wrong on our side. Please try again.' })
  }
  revalidatePath('/dashboard')
  revalidatePath(`/watchlist/${p.vendor}`)
  return { ok: true, message: 'Alert preferences saved.' }
}
