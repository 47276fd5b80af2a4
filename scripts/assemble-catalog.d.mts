export function assembleCatalog(root?: string): Record<string, unknown>;
export function writeCatalog(root?: string): string[];
export function staleCatalogFiles(root?: string): string[];
