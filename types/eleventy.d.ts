// Eleventy 3 ships no type declarations; this covers the programmatic API the tests use.
declare module "@11ty/eleventy" {
  export default class Eleventy {
    constructor(
      input?: string,
      output?: string,
      options?: { configPath?: string; quietMode?: boolean; config?: (eleventyConfig: any) => void },
    );
    toJSON(): Promise<{ url: string; inputPath: string; outputPath: string; content: string }[]>;
    write(): Promise<unknown>;
  }
}
