'use server'

import { revalidatePath } from 'next/cache'
import { dropOwnersStackPage } from '@/lib/pages/stack-page-drops'
import { userAction } from '@/lib/actions/define-action'
import { setWatchRouting } from '@/lib/data/destinations'
import { updateWatchPreferences } from '@/lib/data/watch-preferences'
import { watchRoutingSchema } from '@/lib/validation/destinations'
import { parseForm } from '@/lib/validation/form'
import { vendorSlugSchema, watchPreferencesSchema } from '@/lib/validation/watchlist'

/** Saves one watch's alert preferences. The watch is found by (session user, vendor slug). */
export const saveWatchPreferencesAction = userAction(
  {
    name: 'watchlist preferences',
    // The way back after signing in names this vendor: only a real slug goes into that redirect.
    signInReturnTo: (form) => {
      const slug = vendorSlugSchema.safeParse(form.get('vendor'))
      return slug.success ? `/watchlist/${slug.data}` : '/dashboard'
    },
    parse: (form, secrets) =>
      parseForm(watchPreferencesSchema, form, secrets, {
        vendor: form.get('vendor'),
        scope: form.get('scope'),
        components: form.getAll('components').filter((v) => typeof v === 'string'),
        minImpact: form.get('minImpact'),
        maintenance: form.get('maintenance'),
        possibleOutages: form.get('possibleOutages'),
        componentChanges: form.get('componentChanges'),
        delivery: form.get('delivery'),
      }),
    notFound: 'These settings are out of date (the watch or a component no longer exists). Reload the page.',
  },
  async (p, user) => {
    await updateWatchPreferences(user.id, p.vendor, {
      allComponents: p.scope === 'all',
      componentIds: p.components,
      minImpact: p.minImpact,
      maintenanceAlerts: p.maintenance,
      possibleOutageAlerts: p.possibleOutages,
      componentAlerts: p.componentChanges,
      deliveryMode: p.delivery,
    })
    revalidatePath('/dashboard')
    revalidatePath(`/watchlist/${p.vendor}`)
    // The public stack page shows only the followed components' incidents and maintenance.
    await dropOwnersStackPage(user.id)
    return { ok: true, message: 'Alert preferences saved.' }
  },
)

/** Where this watch's alerts go besides email: every destination, or the chosen ones. */
export const saveWatchRoutingAction = userAction(
  {
    name: 'watchlist routing',
    signInReturnTo: (form) => {
      const slug = vendorSlugSchema.safeParse(form.get('vendor'))
      return slug.success ? `/watchlist/${slug.data}` : '/dashboard'
    },
    parse: (form, secrets) =>
      parseForm(watchRoutingSchema, form, secrets, {
        vendor: form.get('vendor'),
        routing: form.get('routing'),
        destinations: form.getAll('destinations').filter((v) => typeof v === 'string'),
      }),
    notFound: 'You no longer watch this vendor. Reload the page.',
  },
  async (p, user) => {
    await setWatchRouting(user.id, p.vendor, p.routing === 'all' ? { all: true } : { all: false, destinationIds: p.destinations })
    revalidatePath(`/watchlist/${p.vendor}`)
    return { ok: true, message: p.routing === 'all' ? 'Alerts go to email and all your destinations.' : 'Alerts go to email and the destinations you chose.' }
  },
)
