export async function browserMain(_args: string[]): Promise<void> {
  throw new Error('--browser: not built yet');
}
