/** A quiet placeholder while something loads. */
export function LoadingState({ label }: { label: string }) {
  return (
    <p className="loading" role="status">
      {label}
    </p>
  );
}
