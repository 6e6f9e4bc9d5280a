import { useEffect, useRef } from 'react';
import { LineChart, BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([
  LineChart,
  BarChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  MarkLineComponent,
  AriaComponent,
  SVGRenderer,
]);

export interface ChartClick {
  readonly seriesName: string;
  readonly dataIndex: number;
}

/**
 * An ECharts chart (SVG, with ECharts' aria description) that resizes with its box. Every chart
 * is paired with a DataTable of the same numbers for readers who do not read charts.
 */
export function Chart({
  option,
  label,
  height = 320,
  onClick,
}: {
  option: EChartsCoreOption;
  label: string;
  height?: number;
  onClick?: (click: ChartClick) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clicked = useRef(onClick);
  clicked.current = onClick;

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => {
      const event = params as { seriesName?: string; dataIndex?: number };
      if (event.seriesName !== undefined && event.dataIndex !== undefined)
        clicked.current?.({ seriesName: event.seriesName, dataIndex: event.dataIndex });
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true }, animation: false, ...option }, true);
  }, [option]);

  return <div ref={box} className="chart" style={{ height }} role="img" aria-label={label} />;
}
