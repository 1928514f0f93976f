// The pipeline hashes bodies exactly as the stored hashes were made (lib/data/body-hash.ts).
export { hashBody, sha256 } from '@/lib/data/body-hash'
