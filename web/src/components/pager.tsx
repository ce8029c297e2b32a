/** Previous / next page buttons for a cursor connection (the caller keeps the stack of cursors). */
export function Pager({ page, hasNext, onNext, onPrevious }: { page: number; hasNext: boolean; onNext: () => void; onPrevious: () => void }) {
  if (page === 1 && !hasNext) return null;
  return (
    <nav className="pager" aria-label="Pagination">
      <button type="button" className="secondary" disabled={page === 1} onClick={onPrevious}>
        Page précédente
      </button>
      <span>Page {page}</span>
      <button type="button" className="secondary" disabled={!hasNext} onClick={onNext}>
        Page suivante
      </button>
    </nav>
  );
}
