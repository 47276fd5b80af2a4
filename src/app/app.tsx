/** Placeholder application shell; replaced by the real app. */
export function App() {
  return (
    <main>
      <h1>LLM VRAM Calculator</h1>
      <p>Can this model run on my GPU?</p>
    </main>
  );
}
