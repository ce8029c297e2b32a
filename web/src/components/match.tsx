// One ranked structure: score, the five components as small bars, the matcher's French reasons.
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { percent } from '../format';

export const COMPONENTS: { key: 'text' | 'sector' | 'capacity' | 'location' | 'labels'; label: string }[] = [
  { key: 'text', label: 'Description' },
  { key: 'sector', label: 'Secteur' },
  { key: 'capacity', label: 'Capacité' },
  { key: 'location', label: 'Proximité' },
  { key: 'labels', label: 'Labels' },
];

export type Breakdown = Record<(typeof COMPONENTS)[number]['key'], number>;

export function ScoreBars({ breakdown, id }: { breakdown: Breakdown; id: string }) {
  return (
    <div className="bars">
      {COMPONENTS.map((c) => (
        <div key={c.key} className="bar-row">
          <label htmlFor={`${id}-${c.key}`}>{c.label}</label>
          <meter id={`${id}-${c.key}`} min={0} max={1} value={breakdown[c.key]}>
            {percent(breakdown[c.key])}
          </meter>
          <span>{percent(breakdown[c.key])}</span>
        </div>
      ))}
    </div>
  );
}

export function SupplierLink({ id, name }: { id: string; name: string }) {
  return <Link href={`/structures/${id}`}>{name}</Link>;
}

export function Reasons({ reasons }: { reasons: readonly string[] }) {
  if (!reasons.length) return null;
  return (
    <ul className="reasons">
      {reasons.map((r, i) => (
        <li key={i}>{r}</li>
      ))}
    </ul>
  );
}

export function MatchCard({ id, name, score, breakdown, reasons, eligible, children }: { id: string; name: string; score: number; breakdown: Breakdown; reasons: readonly string[]; eligible: boolean; children?: ReactNode }) {
  return (
    <li className={`card${eligible ? '' : ' ineligible'}`}>
      <h3>
        <SupplierLink id={id} name={name} />
      </h3>
      <p>
        <span className="score">Score : {percent(score)}</span> {!eligible && <span className="badge bad">Non éligible</span>}
      </p>
      <ScoreBars breakdown={breakdown} id={`m-${id}`} />
      <Reasons reasons={reasons} />
      {children}
    </li>
  );
}
