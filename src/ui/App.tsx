export function App() {
  return (
    <main>
      <h1>Squat Analyzer</h1>
      <p>Film a set, find what breaks. Nothing leaves this device.</p>
    </main>
  );
}
