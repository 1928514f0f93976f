// Ports of the end-to-end environment (kept away from a developer's own `npm start` on 3000).
export const E2E_PORT = 3210
export const E2E_APP_URL = `http://localhost:${E2E_PORT}`
