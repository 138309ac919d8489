// How rules name their sources: a seed file (../shared/seeds/) with the place in it, or a section
// of ../shared/reference/policy-rules.md. Tests and docs quote these strings.
export const SEED_FILES = {
  '000': '000_bc84ff0b7039e793.txt',
  '001': '001_60741e77fa0d4bdb.txt',
  '002': '002_c36e71247612bdfe.txt',
  '003': '003_f7ec7151fcfbcf96.txt',
  '004': '004_b89a9dffbb20a241.txt',
} as const;

export function seed(file: keyof typeof SEED_FILES, where: string): string {
  return `${SEED_FILES[file]} ${where}`;
}

export function ref(section: string, what?: string): string {
  return what ? `policy-rules.md ${section}（${what}）` : `policy-rules.md ${section}`;
}

export function both(...sources: string[]): string {
  return sources.join('；');
}
