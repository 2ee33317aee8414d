/** Files of data/ as text, bundled by esbuild.mjs: `medterms:data/kb.json`, `medterms:data/kb-terms.json`. */
declare module 'medterms:data/*' {
  const text: string;
  export default text;
}
