// Time-zone abbreviations in feed stamps ("Aug 21, 00:37 UTC", "Mar 3, 09:15 IST"). Statuspage
// writes the page's own zone abbreviation, so a page set to Asia/Kolkata or Australia/Sydney
// writes IST or AEST/AEDT; an abbreviation we cannot place must not be guessed as UTC (issue 14 #5).
//
// An abbreviation names a fixed offset (AEST is +10 and AEDT +11, whatever the date), so a table of
// offsets is exact once the abbreviation is known; the IANA zone beside each is the one whose
// tzdata uses that abbreviation, and is what decided the meaning of an ambiguous one.
//
// Ambiguous abbreviations get their most common meaning on status pages, chosen on purpose:
//  - IST = India Standard Time (Asia/Kolkata, +05:30), not Irish Summer Time (+01) or Israel (+02):
//    Indian pages are far more common, and Irish pages write IST only in summer while Israeli
//    tzdata writes IST/IDT.
//  - CST = US Central (America/Chicago, -06), not China Standard Time (+08): Statuspage's zone
//    picker comes from Rails, whose China zones print CST too, but US pages dominate.
//  - BST = British Summer Time (Europe/London, +01), not Bangladesh (+06).
//  - AST = Atlantic Standard Time (America/Halifax, America/Puerto_Rico, -04), not Arabia (+03);
//    current tzdata writes "+03" for Asia/Riyadh.
//  - SST = Samoa (Pacific/Pago_Pago, -11), the only tzdata zone printing SST.
// Anything not below is unknown: the stamp is not placed and the caller says so.

/** Minutes east of UTC, with the IANA zone that prints the abbreviation. */
export const ZONE_ABBREVIATIONS: Readonly<Record<string, { minutes: number; zone: string }>> = {
  UTC: { minutes: 0, zone: 'Etc/UTC' },
  GMT: { minutes: 0, zone: 'Etc/GMT' },
  Z: { minutes: 0, zone: 'Etc/UTC' },
  // North America
  EST: { minutes: -300, zone: 'America/New_York' },
  EDT: { minutes: -240, zone: 'America/New_York' },
  CST: { minutes: -360, zone: 'America/Chicago' },
  CDT: { minutes: -300, zone: 'America/Chicago' },
  MST: { minutes: -420, zone: 'America/Denver' },
  MDT: { minutes: -360, zone: 'America/Denver' },
  PST: { minutes: -480, zone: 'America/Los_Angeles' },
  PDT: { minutes: -420, zone: 'America/Los_Angeles' },
  AKST: { minutes: -540, zone: 'America/Anchorage' },
  AKDT: { minutes: -480, zone: 'America/Anchorage' },
  HST: { minutes: -600, zone: 'Pacific/Honolulu' },
  AST: { minutes: -240, zone: 'America/Halifax' },
  ADT: { minutes: -180, zone: 'America/Halifax' },
  NST: { minutes: -210, zone: 'America/St_Johns' },
  NDT: { minutes: -150, zone: 'America/St_Johns' },
  SST: { minutes: -660, zone: 'Pacific/Pago_Pago' },
  // Europe and Africa
  WET: { minutes: 0, zone: 'Europe/Lisbon' },
  WEST: { minutes: 60, zone: 'Europe/Lisbon' },
  BST: { minutes: 60, zone: 'Europe/London' },
  CET: { minutes: 60, zone: 'Europe/Paris' },
  CEST: { minutes: 120, zone: 'Europe/Paris' },
  MET: { minutes: 60, zone: 'MET' },
  MEST: { minutes: 120, zone: 'MET' },
  EET: { minutes: 120, zone: 'Europe/Athens' },
  EEST: { minutes: 180, zone: 'Europe/Athens' },
  MSK: { minutes: 180, zone: 'Europe/Moscow' },
  WAT: { minutes: 60, zone: 'Africa/Lagos' },
  CAT: { minutes: 120, zone: 'Africa/Maputo' },
  SAST: { minutes: 120, zone: 'Africa/Johannesburg' },
  EAT: { minutes: 180, zone: 'Africa/Nairobi' },
  // Asia and Pacific
  PKT: { minutes: 300, zone: 'Asia/Karachi' },
  IST: { minutes: 330, zone: 'Asia/Kolkata' },
  WIB: { minutes: 420, zone: 'Asia/Jakarta' },
  HKT: { minutes: 480, zone: 'Asia/Hong_Kong' },
  PHT: { minutes: 480, zone: 'Asia/Manila' },
  PHST: { minutes: 480, zone: 'Asia/Manila' },
  SGT: { minutes: 480, zone: 'Asia/Singapore' },
  AWST: { minutes: 480, zone: 'Australia/Perth' },
  JST: { minutes: 540, zone: 'Asia/Tokyo' },
  KST: { minutes: 540, zone: 'Asia/Seoul' },
  ACST: { minutes: 570, zone: 'Australia/Adelaide' },
  ACDT: { minutes: 630, zone: 'Australia/Adelaide' },
  AEST: { minutes: 600, zone: 'Australia/Sydney' },
  AEDT: { minutes: 660, zone: 'Australia/Sydney' },
  NZST: { minutes: 720, zone: 'Pacific/Auckland' },
  NZDT: { minutes: 780, zone: 'Pacific/Auckland' },
}

/** Minutes east of UTC for an abbreviation, or undefined when it is not one we can place. */
export function zoneOffsetMinutes(abbreviation: string): number | undefined {
  const key = abbreviation.toUpperCase()
  return Object.hasOwn(ZONE_ABBREVIATIONS, key) ? ZONE_ABBREVIATIONS[key]?.minutes : undefined
}
