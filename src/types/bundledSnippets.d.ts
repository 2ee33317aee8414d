/** The snippet files of `data/snippets/`, bundled by esbuild.mjs's `bundled-snippets` plugin. */
declare module 'medterms:bundled-snippets' {
  const snippets: readonly { readonly file: string; readonly text: string }[];
  export default snippets;
}
