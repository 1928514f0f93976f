// Directory categories. The seed catalog only uses these; imported rows may carry others
// (they are shown as-is), but the directory's filter lists what is actually in the database.
export const CATEGORIES = [
  'Cloud & hosting',
  'Developer tools',
  'CI/CD & DevOps',
  'Monitoring & observability',
  'Databases & data',
  'Storage & CDN',
  'DNS & networking',
  'Security & identity',
  'Communications',
  'Email',
  'Messaging & chat',
  'Payments & finance',
  'E-commerce',
  'AI & machine learning',
  'Analytics',
  'Marketing',
  'CRM & support',
  'Productivity & collaboration',
  'Project management',
  'HR & recruiting',
  'Design & media',
  'Incident management',
  'Search',
  'Testing & QA',
  'Education',
  'Gaming',
  'Other SaaS',
] as const

export type Category = (typeof CATEGORIES)[number]
