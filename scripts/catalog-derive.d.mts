export function deriveCatalog(
  root: string,
): Promise<{ issues: { path: string; message: string }[]; weightsJson: string }>;
