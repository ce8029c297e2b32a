// A download link to a CSV the API returned, made in the page: a BOM first, as `npm run report --out`
// writes it, so that spreadsheet software reads the accents right.
import { useEffect, useState } from 'react';

export function CsvLink({ csv, name, label, id, secondary = false }: { csv: string; name: string; label: string; id?: string; secondary?: boolean }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const u = URL.createObjectURL(new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }));
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [csv]);
  return url ? (
    <a className={secondary ? 'button secondary' : 'button'} href={url} download={name} id={id}>
      {label}
    </a>
  ) : null;
}
