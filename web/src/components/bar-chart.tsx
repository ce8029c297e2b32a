// A bar chart (Chart.js) with its caption and a text alternative: the yearly review's and the spend analysis's.
import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration } from 'chart.js';
import { formatEuros } from '../format';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);
Chart.defaults.font.family = 'system-ui, sans-serif';
Chart.defaults.color = '#1b1b1f';

/** A bar chart on a canvas, described for screen readers by `summary` (the table below gives every figure). */
export function BarChart({ title, labels, values, summary, horizontal, money }: { title: string; labels: string[]; values: number[]; summary: string; horizontal?: boolean; money?: boolean }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const config: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: { labels, datasets: [{ label: title, data: values, backgroundColor: '#0b4f9c' }] },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        locale: 'fr-FR',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: false }, tooltip: { callbacks: money ? { label: (c) => formatEuros(Number(c.raw)) } : {} } },
        scales: { [horizontal ? 'x' : 'y']: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    };
    const chart = new Chart(canvas.current!, config);
    return () => chart.destroy();
  }, [title, labels.join('|'), values.join('|'), horizontal, money]);
  return (
    <figure className="chart-figure">
      <figcaption>{title}</figcaption>
      <div className="chart">
        <canvas ref={canvas} role="img" aria-label={`${title} : ${summary}`} />
      </div>
    </figure>
  );
}

