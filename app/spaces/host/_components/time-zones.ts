/** IANA zones a space in Europe may use (listed on the server, so the form's options match on both renders). */
export function europeanTimeZones(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone').filter((zone) => zone.startsWith('Europe/') || ['Atlantic/Reykjavik', 'Atlantic/Canary', 'Atlantic/Madeira', 'Atlantic/Faroe', 'Arctic/Longyearbyen'].includes(zone));
  return zones.includes(current) ? zones : [current, ...zones];
}
