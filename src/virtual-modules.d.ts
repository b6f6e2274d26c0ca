/** Modules the build writes (vite.config.ts). */
declare module 'virtual:rubric-sizes' {
  import type { RubricSize } from './domain/owner/estimate';
  /** Each bundled weighted rubric's items and scenarios by id, computed and checked at build time (build/rubric-sizes.ts). */
  const sizes: Readonly<Record<string, RubricSize>>;
  export default sizes;
}
