/**
 * chart.js drawing, in its own chunk. Only the controllers and elements used are registered, which
 * keeps the chunk small (see stack notes: ~61 KB gzipped instead of ~69 KB for chart.js/auto).
 */
import {
  Chart,
  RadarController,
  BarController,
  LineController,
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
import type { BarsModel, RadarModel } from '../../report/chart-models';
import type { LevelStepsModel, TrendLinesModel } from '../../report/trend-models';
import type { ChartBlock } from '../../report/document';

Chart.register(
  RadarController,
  BarController,
  LineController,
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

/** Series styles that differ in dash and point shape as well as colour, so they read in black and white. */
const LINE_STYLES = [
  { color: '#0b5cad', dash: [] as number[], point: 'circle', width: 3 },
  { color: '#1a7f37', dash: [6, 3], point: 'rect', width: 2 },
  { color: '#9a6700', dash: [2, 2], point: 'triangle', width: 2 },
  { color: '#b42318', dash: [8, 3, 2, 3], point: 'rectRot', width: 2 },
  { color: '#57606a', dash: [1, 3], point: 'star', width: 2 },
] as const;

/** Total and dimension scores over the assessments: one line each. */
export function drawTrendLines(canvas: HTMLCanvasElement, m: TrendLinesModel, o: DrawOptions = {}) {
  if (!canvas.getContext('2d')) return null;
  return new Chart(canvas, {
    type: 'line',
    data: {
      labels: m.labels,
      datasets: m.series.map((s, i) => {
        const style = LINE_STYLES[i % LINE_STYLES.length]!;
        return {
          label: s.label,
          data: s.values,
          borderColor: style.color,
          backgroundColor: style.color,
          borderDash: [...style.dash],
          borderWidth: style.width,
          pointStyle: style.point,
          pointRadius: 5,
          tension: 0,
        };
      }),
    },
    options: {
      animation: o.animation === false ? false : undefined,
      devicePixelRatio: o.devicePixelRatio,
      maintainAspectRatio: false,
      scales: { y: { min: 0, max: m.max, ticks: { stepSize: 10 } } },
      plugins: { legend: { position: 'bottom', labels: { usePointStyle: true } } },
    },
  });
}

/** The overall level over the assessments as a step line: a level holds until the next assessment. */
export function drawLevelSteps(canvas: HTMLCanvasElement, m: LevelStepsModel, o: DrawOptions = {}) {
  if (!canvas.getContext('2d')) return null;
  return new Chart(canvas, {
    type: 'line',
    data: {
      labels: m.labels,
      datasets: [
        {
          label: m.label,
          data: m.levels,
          stepped: true,
          borderColor: '#1b3a5c',
          backgroundColor: '#1b3a5c',
          borderWidth: 3,
          pointRadius: 5,
        },
      ],
    },
    options: {
      animation: o.animation === false ? false : undefined,
      devicePixelRatio: o.devicePixelRatio,
      maintainAspectRatio: false,
      scales: {
        y: {
          min: 0,
          max: m.levelNames.length - 1,
          ticks: { stepSize: 1, callback: (v) => m.levelNames[Number(v)] ?? '' },
        },
      },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (c) => m.levelNames[Number(c.parsed.y)] ?? '' } },
      },
    },
  });
}

/** A report chart block, drawn by the print view and the PDF writer alike. */
export function drawChartBlock(canvas: HTMLCanvasElement, b: ChartBlock, o: DrawOptions) {
  switch (b.chart) {
    case 'radar':
      return drawRadar(canvas, b.model, b.label, o);
    case 'bars':
      return drawScenarioBars(canvas, b.model, b.labels, o);
    case 'trend':
      return drawTrendLines(canvas, b.model, o);
    case 'levels':
      return drawLevelSteps(canvas, b.model, o);
  }
}
