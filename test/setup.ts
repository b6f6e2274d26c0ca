import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';

// jsdom has no canvas; chart components only need a context object that accepts calls.
HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement['getContext'];
