/**
 * chart.js drawing, in its own chunk. Only the controllers and elements used are registered, which
 * keeps the chunk small (see stack notes: ~61 KB gzipped instead of ~69 KB for chart.js/auto).
 */
import {
  Chart,
  RadarController,
  BarController,
  RadialLinearScale,
  LinearScale,
  CategoryScale,
  PointElement,
  LineElement,
  BarElement,
  Filler,
  Legend,
  Tooltip,
} from 'chart.js';
import type { BarsModel, RadarModel } from './chart-models';

Chart.register(
  RadarController,
  BarController,
  RadialLinearScale,
  LinearScale,
  CategoryScale,
  PointElement,
  LineElement,
  BarElement,
  Filler,
  Legend,
  Tooltip,
);
Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;

export interface DrawOptions {
  /** false for print/PDF rendering: draw synchronously at full size. */
  animation?: boolean;
  devicePixelRatio?: number;
}

export function drawRadar(canvas: HTMLCanvasElement, m: RadarModel, label: string, o: DrawOptions = {}) {
  if (!canvas.getContext('2d')) return null;
  return new Chart(canvas, {
    type: 'radar',
    data: {
      labels: m.labels,
      datasets: [
        {
          label,
          data: m.values,
          borderColor: '#0b5cad',
          backgroundColor: 'rgba(11, 92, 173, 0.18)',
          pointBackgroundColor: '#0b5cad',
          fill: true,
        },
      ],
    },
    options: {
      animation: o.animation === false ? false : undefined,
      devicePixelRatio: o.devicePixelRatio,
      maintainAspectRatio: false,
      scales: { r: { min: 0, max: 100, ticks: { stepSize: 25 } } },
      plugins: { legend: { display: false } },
    },
  });
}

export function drawScenarioBars(
  canvas: HTMLCanvasElement,
  m: BarsModel,
  labels: { constraint: string; other: string },
  o: DrawOptions = {},
) {
  if (!canvas.getContext('2d')) return null;
  // Constraint scenarios solid dark, others hatched-light: tells them apart in black and white print too.
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: m.labels,
      datasets: [
        {
          label: labels.constraint,
          data: m.levels.map((l, i) => (m.constraint[i] ? l : null)),
          backgroundColor: '#1b3a5c',
          borderColor: '#1b3a5c',
          borderWidth: 1,
        },
        {
          label: labels.other,
          data: m.levels.map((l, i) => (m.constraint[i] ? null : l)),
          backgroundColor: '#b7cbe0',
          borderColor: '#1b3a5c',
          borderWidth: 1,
        },
      ],
    },
    options: {
      animation: o.animation === false ? false : undefined,
      devicePixelRatio: o.devicePixelRatio,
      maintainAspectRatio: false,
      indexAxis: 'y',
      scales: {
        x: { min: 0, max: 4, ticks: { stepSize: 1 } },
        y: { stacked: true, ticks: { autoSkip: false } },
      },
      plugins: { legend: { position: 'bottom' } },
    },
  });
}
