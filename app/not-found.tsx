export default function NotFound() {
  return (
    <main className="notice" data-testid="not-found">
      <h1>Nothing is shared here</h1>
      <p>This link does not point to a shared conversation. Check that you copied the whole link.</p>
    </main>
  );
}
