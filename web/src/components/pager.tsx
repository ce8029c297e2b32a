import { useEffect, useRef, useState } from 'react';

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

type PageInfo = { hasNextPage: boolean; endCursor?: string | null };

/**
 * The pages of a cursor connection: the stack of cursors, and the pager. After a turn the keyboard goes to the
 * element `top` (the results' count, focusable with tabIndex -1) once it is shown, instead of staying at the bottom.
 */
export function useCursorPages(top: string) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const turned = useRef(false);
  useEffect(() => {
    const target = turned.current ? document.getElementById(top) : null;
    if (!target) return;
    turned.current = false;
    target.focus();
  });
  const turn = (next: (string | null)[]) => {
    turned.current = true;
    setCursors(next);
  };
  return {
    after: cursors[cursors.length - 1] ?? null,
    restart: () => setCursors([null]),
    pager: (pageInfo: PageInfo) => <Pager page={cursors.length} hasNext={pageInfo.hasNextPage} onNext={() => turn([...cursors, pageInfo.endCursor ?? null])} onPrevious={() => turn(cursors.slice(0, -1))} />,
  };
}
