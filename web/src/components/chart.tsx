/**
 * An ECharts chart that follows its container's size; `aria` gives screen readers a description.
 * `onPick` receives the bar, slice or point clicked (the drill-down to its cases).
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  TitleComponent,
  AriaComponent,
  SVGRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;
export interface ChartPick {
  seriesIndex: number;
  dataIndex: number;
  name: string;
}

export function Chart({
  option,
  label,
  height = 280,
  onPick,
}: {
  option: ChartOption;
  label: string;
  height?: number;
  onPick?: (pick: ChartPick) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    if (!box.current) return;
    const c = echarts.init(box.current, undefined, { renderer: 'svg' });
    chart.current = c;
    c.on('click', (e) => pick.current?.(e as unknown as ChartPick));
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      { aria: { enabled: true }, textStyle: { fontFamily: 'inherit' }, animation: false, ...option },
      { notMerge: true },
    );
  }, [option]);

  return (
    <div
      ref={box}
      className={onPick ? 'chart pickable' : 'chart'}
      role="img"
      aria-label={label}
      style={{ height }}
    />
  );
}
