// What a vendor slug looks like, on its own so client code (return paths, watch links) can check a
// slug without bundling the catalog's zod schemas into the browser.
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
