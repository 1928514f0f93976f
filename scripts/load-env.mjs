// Operator scripts run outside Next.js, which is what normally reads `.env`; load it the same way
// (existing variables win) so `npm run db:*` targets the database the app uses.
import fs from 'node:fs'

export function loadDotEnv(file = '.env') {
  if (fs.existsSync(file)) process.loadEnvFile(file)
}
