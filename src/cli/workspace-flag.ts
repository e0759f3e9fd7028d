/** A command's `--db` value opened as a workspace for the length of the command, closed whatever happens. */
import { openWorkspace, type OpenWorkspaceOptions, type Workspace } from '../store/workspace.js';

export async function withWorkspace<T>(db: string, options: OpenWorkspaceOptions, work: (ws: Workspace) => Promise<T>): Promise<T> {
  const ws = await openWorkspace(db, options);
  try {
    return await work(ws);
  } finally {
    await ws.close();
  }
}
