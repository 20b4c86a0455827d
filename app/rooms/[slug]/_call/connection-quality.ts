/**
 * Three bars from mediasoup's 0–10 scores and what the browser measures on the stream.
 * 3: good, 2: some loss or jitter, 1: poor, 0: nothing arrives.
 */
export type QualityBars = 0 | 1 | 2 | 3;

export function barsFromScore(score: number): QualityBars {
  if (score >= 8) return 3;
  if (score >= 5) return 2;
  if (score > 0) return 1;
  return 0;
}

export interface InboundSample {
  packetsLost: number;
  packetsReceived: number;
  /** Seconds. */
  jitter: number;
}

/** Loss over the interval between two samples (0–1); counters are cumulative. */
export function lossBetween(previous: InboundSample | undefined, current: InboundSample): number {
  const lost = current.packetsLost - (previous?.packetsLost ?? 0);
  const received = current.packetsReceived - (previous?.packetsReceived ?? 0);
  const total = lost + received;
  return total > 0 && lost > 0 ? lost / total : 0;
}

export function qualityBars(score: number, producerScore: number, loss: number, jitter: number): QualityBars {
  let bars = barsFromScore(Math.min(score, producerScore));
  if (loss > 0.1 || jitter > 0.1) bars = Math.min(bars, 1) as QualityBars;
  else if (loss > 0.03 || jitter > 0.03) bars = Math.min(bars, 2) as QualityBars;
  return bars;
}
