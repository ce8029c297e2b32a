// The frame of every public page's content: its <h1> and document title (the console's is Page in layout.tsx).
import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'wouter';

/** The page's <h1> and document title; focus moves to the heading when the page changes. */
export function PublicPage({ title, children }: { title: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [location] = useLocation();
  useEffect(() => {
    document.title = `${title} – Passerelle ESS`;
  }, [title]);
  useEffect(() => {
    if (location !== '/') heading.current?.focus();
  }, [location]);
  return (
    <>
      <h1 tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {children}
    </>
  );
}
