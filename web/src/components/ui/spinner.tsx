/** An inline loading indicator announced politely to screen readers. */
export function Spinner({ label }: { label: string }) {
  return (
    <p className="spinner" role="status">
      <span className="spinner__icon" aria-hidden="true" />
      {label}
    </p>
  );
}
