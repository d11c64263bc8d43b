// Eleventy 3 ships no type declarations; this covers the programmatic API the tests and `npm start` use.
declare module "@11ty/eleventy" {
  export default class Eleventy {
    constructor(
      input?: string,
      output?: string,
      options?: {
        configPath?: string;
        quietMode?: boolean;
        runMode?: "build" | "serve" | "watch";
        config?: (eleventyConfig: any) => void;
      },
    );
    /** Eleventy's console logger; `overrideLogger` replaces what it writes to. */
    logger: { overrideLogger(logger: Record<string, (...args: unknown[]) => void> | false): void };
    /** The file watcher (chokidar), once `watch` has started it. */
    watcher: { on(event: "unlink", listener: (file: string) => void): void };
    init(): Promise<void>;
    toJSON(): Promise<{ url: string; inputPath: string; outputPath: string; content: string }[]>;
    write(): Promise<unknown>;
    /** Builds, then rebuilds on changes; resolves to a function that rebuilds for one changed file. */
    watch(): Promise<(file: string) => Promise<void>>;
    stopWatch(): Promise<void>;
  }
}
