'use client'

import { useActionState } from 'react'
import { Alert } from '@/components/ui/alert'
import { Field } from '@/components/ui/field'
import { SubmitButton } from '@/components/ui/submit-button'
import { issueStackLinkAction, publishStackAction, revokeStackLinkAction, unpublishStackAction } from './stack-actions'
import { FormFeedback } from './profile-forms'

/** The private link: issue (or replace), revoke. The link itself is shown once, right after issuing. */
export function StackLinkForms({ live }: { live: boolean }) {
  const [issued, issue] = useActionState(issueStackLinkAction, null)
  const [revoked, revoke] = useActionState(revokeStackLinkAction, null)
  // Only while a link is live: after a revoke the old one is dead and must not be offered for copying.
  const link = live && issued?.ok ? issued.link : undefined
  return (
    <div className="space-y-3">
      <p>
        Private link: <strong>{live ? 'on' : 'off'}</strong>
      </p>
      {link && (
        <div className="space-y-2">
          <FormFeedback state={issued} />
          <label htmlFor="stack-link" className="block text-sm font-medium text-slate-800 dark:text-slate-200">
            Your private link
          </label>
          <input id="stack-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} className="w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100" />
        </div>
      )}
      {issued && !issued.ok && <FormFeedback state={issued} />}
      <FormFeedback state={revoked} />
      <div className="flex flex-wrap gap-2">
        <form action={issue}>
          <SubmitButton variant="secondary">{live ? 'Replace the private link' : 'Create a private link'}</SubmitButton>
        </form>
        {live && (
          <form action={revoke}>
            <SubmitButton variant="secondary">Revoke the private link</SubmitButton>
          </form>
        )}
      </div>
    </div>
  )
}

/** The public page: choose (or change) its name, or take it down. */
export function StackPublicForms({ slug }: { slug: string | null }) {
  const [published, publish] = useActionState(publishStackAction, null)
  const [unpublished, unpublish] = useActionState(unpublishStackAction, null)
  const failed = published && !published.ok ? published : null
  return (
    <div className="space-y-3">
      <p>
        {slug ? (
          <>
            Public at{' '}
            <a href={`/stacks/${slug}`} className="font-medium text-sky-800 underline dark:text-sky-300">
              /stacks/{slug}
            </a>
          </>
        ) : (
          'Not public.'
        )}
      </p>
      <FormFeedback state={published} />
      <FormFeedback state={unpublished} />
      <form action={publish} className="space-y-3">
        <Field label="Public name" name="slug" defaultValue={failed?.values.slug ?? slug ?? ''} error={failed?.fieldErrors.slug} hint="3–40 lowercase letters, digits and hyphens. Anyone with the name can see the page." autoComplete="off" spellCheck={false} />
        <SubmitButton variant="secondary">{slug ? 'Change the name' : 'Make it public'}</SubmitButton>
      </form>
      {slug && (
        <form action={unpublish}>
          <SubmitButton variant="secondary">Take the public page down</SubmitButton>
        </form>
      )}
    </div>
  )
}
