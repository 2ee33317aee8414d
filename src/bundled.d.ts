/** The bundled knowledge base (data/kb.json) as text; esbuild.mjs provides it. */
declare module 'medterms:bundled-kb' {
  const text: string;
  export default text;
}
