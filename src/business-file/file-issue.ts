/** Where in a file a value sits: keys and list positions, e.g. ['staff', 1, 'hours', 'tue']. */
export type FilePath = ReadonlyArray<string | number>;

/** Something wrong with a business file, at a path, in plain words. */
export interface FileIssue {
  path: FilePath;
  message: string;
}

/** "staff[1].hours.tue": a path the way the file's reader thinks of it. */
export function formatPath(path: FilePath): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part), '');
}
