/** "Dyrøy bibliotek, Brøstadbotn (Dyrøy)": where a studio stands, in one line. */
export function studioPlaceLine(space: { name: string; city: string; municipality: string | null }): string {
  const town = space.municipality && space.municipality !== space.city ? `${space.city} (${space.municipality})` : space.city;
  return space.name === town ? town : `${space.name}, ${town}`;
}
