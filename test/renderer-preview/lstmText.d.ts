// Lessons bundled as text by the preview build (esbuild's text loader for .lstm).
declare module '*.lstm' {
  const text: string;
  export default text;
}
