export const DIST_DIR: string;
export interface StaticServer {
  /** Base URL with trailing slash, e.g. http://127.0.0.1:43121/ */
  url: string;
  close: () => Promise<void>;
}
export function startServer(root?: string): Promise<StaticServer>;
export const CHROMIUM_ARGS: string[];
