// The password length rules, on their own so client forms can show them without bundling zod and
// the server-side validators (which pull Node's crypto polyfills into the browser, and zod probes
// `Function("")`, which the Content-Security-Policy reports as an eval).
export const PASSWORD_MIN = 10
export const PASSWORD_MAX = 200
