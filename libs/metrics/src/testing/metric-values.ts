import type { Registry } from 'prom-client';

export interface Sample {
  readonly metricName: string;
  readonly labels: Record<string, string | number>;
  readonly value: number;
}

/** Every sample of one metric (histograms: their _bucket, _sum and _count samples). */
export async function samples(registry: Registry, name: string): Promise<Sample[]> {
  const metric = registry.getSingleMetric(name);
  if (!metric) throw new Error(`no metric ${name}`);
  const { values } = await metric.get();
  return values.map((v) => ({
    metricName: (v as { metricName?: string }).metricName ?? name,
    labels: v.labels as Record<string, string | number>,
    value: v.value,
  }));
}

/** The value of the sample with exactly these labels (and this sample name), or undefined. */
export async function valueOf(
  registry: Registry,
  name: string,
  labels: Record<string, string | number>,
  sampleName = name,
): Promise<number | undefined> {
  const wanted = Object.entries(labels);
  const found = (await samples(registry, name)).find(
    (sample) =>
      sample.metricName === sampleName &&
      Object.keys(sample.labels).filter((key) => key !== 'le').length === wanted.length &&
      wanted.every(([key, value]) => sample.labels[key] === value),
  );
  return found?.value;
}
