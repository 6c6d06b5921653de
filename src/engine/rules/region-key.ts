/** Regions match whatever their case, accents or punctuation ("Île-de-France" = "ILE DE FRANCE"). */
export function regionKey(region: string): string {
  return region
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}
