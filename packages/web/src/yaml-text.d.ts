/** The examples are embedded as text by esbuild's text loader. */
declare module '*.yaml' {
  const text: string;
  export default text;
}
