export function benchImportTime(_: { repoRoot: string; runs: number; progress: (line: string) => void }): string {
  return 'import-time: TODO';
}
