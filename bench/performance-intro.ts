/** The head of docs/PERFORMANCE.md when the file does not exist yet; once it does, the text there is kept. */
export const performanceDocIntro = `# Performance

Figures from \`npm run bench\`. See the method below; the history table gets one row per run, newest first.
`;
