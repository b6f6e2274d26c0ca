/**
 * Hash routing: the app is served as static files from any sub-path with no server rewrites,
 * so the route lives after '#'.
 */
export type Route =
  | { name: 'home' }
  | { name: 'rubric' }
  | { name: 'profile'; id: string }
  | { name: 'questions'; id: string; section: string | undefined }
  | { name: 'scenarios'; id: string; group: string | undefined }
  | { name: 'results'; id: string }
  | { name: 'roadmap'; id: string }
  | { name: 'report'; id: string }
  | { name: 'review'; id: string }
  | { name: 'compare'; id: string; other: string | undefined }
  | { name: 'method' }
  | { name: 'trend'; enterprise: string }
  | { name: 'cohorts' }
  | { name: 'cohort'; id: string }
  | { name: 'merge'; ids: string[] }
  | { name: 'not-found' };

/** Longer paths are no route of ours (ids are UUIDs); they go to the not-found page without being split. */
export const MAX_PATH_LENGTH = 2048;

/** The path a location hash holds, still percent-encoded: each segment is decoded on its own by `parseRoute`. */
export function pathFromHash(hash: string): string {
  return hash.replace(/^#/, '') || '/';
}

/** Never throws, whatever the hash holds: a malformed one routes to the not-found page instead. */
export function readPath(): string {
  if (typeof location === 'undefined') return '/';
  return pathFromHash(location.hash);
}

const current = $state({ path: readPath() });

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => {
    current.path = readPath();
  });
}

/** A decoded path segment, or undefined for a malformed escape such as `%` or `%E0%A4%A`. */
function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** The route of a hash path (as `pathFromHash` gives it); any string routes, unknown ones to not-found. */
export function parseRoute(path: string): Route {
  if (path.length > MAX_PATH_LENGTH) return { name: 'not-found' };
  // split before decoding, so an escaped '/' (%2F) inside an id stays in that id
  const decoded = path.split('/').filter(Boolean).map(decodeSegment);
  if (decoded.includes(undefined)) return { name: 'not-found' };
  const parts = decoded as string[];
  if (parts.length === 0) return { name: 'home' };
  if (parts[0] === 'rubric' && parts.length === 1) return { name: 'rubric' };
  if (parts[0] === 'method' && parts.length === 1) return { name: 'method' };
  if (parts[0] === 'e' && parts[1] && parts.length === 2) return { name: 'trend', enterprise: parts[1] };
  if (parts[0] === 'cohort' && parts.length === 1) return { name: 'cohorts' };
  if (parts[0] === 'cohort' && parts[1] && parts.length === 2) return { name: 'cohort', id: parts[1] };
  // the assessments to merge, comma-separated; none: the screen asks which
  if (parts[0] === 'merge' && parts.length <= 2)
    return { name: 'merge', ids: (parts[1] ?? '').split(',').filter(Boolean) };
  if (parts[0] === 'a' && parts[1]) {
    const id = parts[1];
    switch (parts[2]) {
      case 'profile':
        return { name: 'profile', id };
      case 'questions':
        return { name: 'questions', id, section: parts[3] };
      case 'scenarios':
        return { name: 'scenarios', id, group: parts[3] };
      case 'results':
        return { name: 'results', id };
      case 'roadmap':
        return { name: 'roadmap', id };
      case 'report':
        return { name: 'report', id };
      case 'review':
        return { name: 'review', id };
      case 'compare':
        return { name: 'compare', id, other: parts[3] };
      case undefined:
        return { name: 'profile', id };
    }
  }
  return { name: 'not-found' };
}

export function route(): Route {
  return parseRoute(current.path);
}

export function href(path: string): string {
  return `#${path}`;
}

export function go(path: string) {
  location.hash = path;
}
